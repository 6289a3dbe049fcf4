import { localeById, type Locale } from '../../schemas/locales'
import { confirmationDate } from '../../schemas/lib/provenance'
import type { Localized } from '../content/localize'
import { formatDate, type DateCalendar } from '../../schemas/i18n/calendar'
import { t } from '../../schemas/i18n/t'
import { switchLocalePath } from '../../schemas/site-paths'

/**
 * The notice for a stale translation, in the reader's language: what happened, and since when
 * (the day in Taiwan, in the calendar Site settings gives for the reader's pages).
 */
export function staleNotice(value: Localized<unknown>, reader: Locale, calendar: DateCalendar): string {
  const confirmed = value.stale?.confirmedAt
  return confirmed ? t(reader, 'translation.staleNotice', { date: formatDate(confirmationDate(confirmed), reader, calendar) }) : t(reader, 'translation.staleUnconfirmed')
}

/** The same place on the page in the language a stale translation was made from. */
export function sourceHref(pathname: string, value: Localized<unknown>, anchor: string | undefined): string {
  const path = switchLocalePath(pathname, sourceLocaleOf(value))
  return anchor ? `${path}#${anchor}` : path
}

/** The BCP-47 tag of the language a stale translation was made from. */
export const sourceTag = (value: Localized<unknown>) => sourceLocaleOf(value).tag

/** The language a stale translation was made from (the value's own for a current one). */
const sourceLocaleOf = (value: Localized<unknown>): Locale => localeById[value.stale?.sourceLocale ?? value.locale]
