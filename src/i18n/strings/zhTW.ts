import type { en } from './en'

/**
 * UI strings in Traditional Chinese (Taiwan). Must have exactly the keys of `en.ts`:
 * a missing or extra key fails the type-check.
 *
 * Editing: add keys with small, targeted insertions (several people add keys at once).
 */
export const zhTW: Record<keyof typeof en, string> = {
  // Site chrome
  'site.skipToContent': '跳到主要內容',
  'site.homeLink': '首頁',
  'nav.label': '主選單',
  'nav.policy': '政策',
  'nav.industries': '產業',
  'nav.metrics': '數據',
  'nav.glossary': '名詞解釋',
  'nav.about': '關於',
  'nav.search': '搜尋',
  'lang.switchLabel': '語言',
  'lang.readIn': '以{language}閱讀本頁',
  'breadcrumb.label': '導覽路徑',

  // Footer
  'footer.publishedBy': '發行：{publisher}',
  'footer.sourceBrief': '內容依據政策文件：{source}',
  'footer.contact': '聯絡我們：{email}',
  'footer.data': '開放資料',
  'footer.dataCsv': '全部數據（CSV）',
  'footer.dataJson': '全部數據（JSON）',
  'footer.sitemap': '網站地圖',

  // Links and notices
  'link.external': '（外部連結）',
  'fallback.notice': '此段尚無中文版本，以下為英文原文',
  'toc.label': '本頁內容',
  // 過時的譯文與中英對照
  'translation.staleNotice': '這段中文譯自較早版本的英文原文；英文原文在{date}之後已有修改。',
  'translation.staleUnconfirmed': '這段中文尚未與目前的英文原文核對。',
  'translation.readSource': '閱讀最新的英文原文',
  'translation.staleShort': '（舊版譯文）',
  'translation.bilingualLink': '以中英對照閱讀本頁',
  'translation.bilingualTitle': '{title}：中英對照',
  'translation.bilingualCrumb': '中英對照',
  'translation.bilingualLead': '中文原文與英文譯文逐段並列。標示為舊版譯文的段落，是根據較早版本的原文翻譯的。',
  'translation.bilingualBack': '回到原頁面',
  'translation.bilingualMissing': '此語言尚無內容。',
  'translation.bilingualStale': '舊版譯文：原文在{date}之後已有修改。',
  'translation.bilingualStaleUnconfirmed': '舊版譯文：尚未與目前的原文核對。',
  'translation.bilingualSource': '原文',

  // Home
  'home.title': '六大核心戰略產業，一次看懂',
  'home.lead': '三句話看懂這項政策',
  'home.readPolicy': '閱讀政策解說',
  'home.industriesHeading': '六大產業一覽',
  'home.allIndustries': '全部六大產業',
  'home.figuresHeading': '重點數據',
  'home.allFigures': '全部數據與出處',
  'home.timelineHeading': '大事記',

  // Policy
  'policy.issuedBy': '{issuer}，{date}',
  'policy.goal': '政策目標',
  'policy.frameworkHeading': '政策架構一覽',
  'policy.frameworkCaption': '政策文件圖 1：臺灣產業超前部署關聯圖',
  'policy.frameworkFoundations': '基礎',
  'policy.frameworkMeasures': '環境措施',
  'policy.frameworkStrategies': '策略',
  'policy.frameworkIndustries': '六大核心戰略產業',
  'policy.frameworkInWords': '圖表文字說明',
  'policy.enablingHeading': '優化產業發展環境的措施',
  'policy.figuresInSection': '本節數據',

  // Industries
  'industries.title': '六大核心戰略產業',
  'industries.lead': '政府於 2020 年在五＋二產業創新的基礎上，選定的六大核心戰略產業。',
  'industry.number': '第 {n} 項，共 {total} 項',
  'industry.goal': '目標',
  'industry.directions': '發展方向',
  'industry.initiatives': '重點措施',
  'industry.figures': '相關數據',
  'industry.allFigures': '查看這些數據的圖表與出處',
  'industry.noFigures': '政策文件未列出本產業的數據。',
  'industry.related': '政策文件相關段落',
  'industry.previous': '上一個產業',
  'industry.next': '下一個產業',
  'industry.pagination': '其他產業',

  // Glossary
  'glossary.title': '名詞解釋',
  'glossary.lead': '政策文件與本站使用的名詞，中英對照。',
  'glossary.aliases': '又稱：{aliases}',
  'glossary.otherLanguage': '{language}：',

  // Root language picker and 404
  'picker.choose': '請選擇語言',
  'preview.banner': '預覽版：本頁含尚未發布的草稿內容，請勿分享。',
  'notFound.title': '找不到網頁',
  'notFound.body': '您要找的網頁不存在或已移動。',
  'notFound.home': '回到首頁',

  // Figures (plain list, used until the figure component exists)
  'figure.source': '資料來源：{source}',
  'figure.asOf': '資料時間：{date}',

  // Figure formatting (src/i18n/format.ts): wording around Intl's numbers
  'format.currency.TWD': '新臺幣{amount}元',
  'format.currency.USD': '{amount}美元',
  'format.rank': '第{n}名',
  'format.count': '{n}{noun}',
  'format.comparator.exact': '{x}',
  'format.comparator.about': '約{x}',
  'format.comparator.over': '超過{x}',
  'format.comparator.atLeast': '至少{x}',
  'format.comparatorShort.exact': '{x}',
  'format.comparatorShort.about': '約{x}',
  'format.comparatorShort.over': '> {x}',
  'format.comparatorShort.atLeast': '≥ {x}',
  // Figures pages, figure component, charts, sources
  'metrics.title': '數據與出處',
  'metrics.lead': '政策說帖提到的每一項數據，都附上資料時間與出處。圖表比較同類的數據；每項數據另有專頁。',
  'metrics.chartsHeading': '圖表',
  'metrics.allHeading': '全部數據',
  'metrics.openDataHeading': '開放資料',
  'metrics.openDataLead': '全部數據（中英雙語）與出處，註明來源即可自由使用。',
  'metrics.downloadCsv': '下載 CSV（UTF-8，可用 Excel 開啟）',
  'metrics.downloadJson': '下載 JSON',
  'metric.label': '項目',
  'metric.value': '數值',
  'metric.plainValue': '數字',
  'metric.unit': '單位',
  'metric.asOf': '資料時間',
  'metric.note': '說明',
  'metric.source': '資料來源',
  'metric.citation': '引用方式',
  'metric.citationText': '{label}：{value}（{date}）。資料來源：{source}。',
  'metric.citedBy': '引用這項數據的產業',
  'metric.citedByNone': '目前沒有產業頁面引用這項數據。',
  'metric.statedIn': '政策說帖中的段落',
  'metric.chartHeading': '與相關數據比較',
  'metric.tableHeading': '數據表',
  'metric.details': '詳細資料與出處',
  'metric.allFigures': '全部數據',
  'metric.reuse': '使用這項數據',
  'metric.inlineDate': '（{date}）',
  'metric.unit.percent': '百分比',
  'metric.unit.rank': '名次',
  'metric.unit.count': '數量',
  'metric.unit.days': '天數',
  'metric.unit.currency': '金額（{currency}）',
  'chart.tableCaption': '{title}：圖表中的數據',
  'chart.sources': '資料來源',
  'source.citation': '{publisher}，〈{title}〉，{date}',
  // Search page
  'search.title': '搜尋',
  'search.lead': '搜尋中文頁面：產業、數據、名詞解釋與政策說明。',
  'search.noscript': '搜尋功能需要 JavaScript。您也可以直接瀏覽產業、數據與名詞解釋。',
  'search.filterIndustry': '產業',
}
