/**
 * The licences the site can publish its figures and text under, by SPDX identifier: each with
 * its official title in both languages and the address of its text. Site settings picks one
 * (`licence`); OGDL-Taiwan-1.0 when none is picked, the licence of the government data the
 * figures come from. The titles are the licensors' own: 政府資料開放授權條款－第1版 /
 * Open Government Data License, version 1.0 (data.gov.tw), and Creative Commons' name of
 * CC BY 4.0 and its Traditional Chinese name (創用CC 姓名標示 4.0 國際).
 */
import type { LocaleId } from './locales.ts'

export interface Licence {
  /** The SPDX identifier. */
  id: LicenceId
  /** The official title, per locale. */
  name: Record<LocaleId, string>
  /** Where the licence's text is. */
  url: string
}

export const licences = {
  'OGDL-Taiwan-1.0': {
    id: 'OGDL-Taiwan-1.0',
    name: { zhTW: '政府資料開放授權條款－第1版', en: 'Open Government Data License, version 1.0' },
    url: 'https://data.gov.tw/license',
  },
  'CC-BY-4.0': {
    id: 'CC-BY-4.0',
    name: { zhTW: '創用CC 姓名標示 4.0 國際（CC BY 4.0）', en: 'Creative Commons Attribution 4.0 International (CC BY 4.0)' },
    url: 'https://creativecommons.org/licenses/by/4.0/',
  },
} as const satisfies Record<string, { id: string; name: Record<LocaleId, string>; url: string }>

export type LicenceId = keyof typeof licences

export const DEFAULT_LICENCE: LicenceId = 'OGDL-Taiwan-1.0'

/** The licence of an id from Site settings; the default one when the id is empty or unknown. */
export function licenceOf(id: string | null | undefined): Licence {
  return id && id in licences ? licences[id as LicenceId] : licences[DEFAULT_LICENCE]
}
