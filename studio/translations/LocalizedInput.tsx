import { useCallback, useMemo, useRef, useState, type ChangeEvent } from 'react'
import { TransformPatches, type FormPatch, type ObjectInputProps } from 'sanity'
import { Button, Flex, Select, Text } from '@sanity/ui'
import { locales, sourceLocale, type LocaleId } from '../../schemas/locales'
import { fieldSourceLocale, translationStates, type LocalizedValue } from '../../schemas/lib/provenance'
import { LocalizedFieldContext } from './context'
import { markUpToDatePatches, provenancePatchesFor, sourceLocalePatches } from './patches'
import { StalePanel } from './StalePanel'

/**
 * The input of every localized object (`localeString`, `localeText`, `localePortableText`):
 * the default one (a field per language), told apart by three things:
 * - its language fields read the object's translation state from context (TranslationField);
 * - under them, each stale translation shows what changed in the source and "Mark as up to
 *   date" (StalePanel);
 * - typing into an empty translation records its provenance with the same change, clearing
 *   one removes it (TransformPatches adds the patches);
 * - "Written first in" says which language the others are translated from, explicitly.
 */
export function LocalizedInput(props: ObjectInputProps) {
  const value = props.value as LocalizedValue | undefined
  const { onChange, path, readOnly } = props
  // Patches are made from the value they apply to, also when several arrive before a render.
  const current = useRef(value)
  current.current = value
  // The texts as they were when the field appeared: a stale translation edited since says so.
  const opened = useRef(value)

  const transform = useCallback((patches: FormPatch[]) => [...patches, ...provenancePatchesFor(current.current, patches, new Date().toISOString())], [])
  const context = useMemo(() => ({ path, value }), [path, value])

  const source = fieldSourceLocale(value)
  const [choosing, setChoosing] = useState(false)
  const changeSource = (event: ChangeEvent<HTMLSelectElement>) => {
    const next = locales.find((l) => l.id === event.currentTarget.value)?.id
    if (next && next !== source) onChange(sourceLocalePatches(value, next as LocaleId, new Date().toISOString()))
    setChoosing(false)
  }
  const label = locales.find((l) => l.id === source)!.label
  const stale = translationStates(value).filter((s) => s.status === 'stale')

  return (
    <LocalizedFieldContext.Provider value={context}>
      <TransformPatches transform={transform}>{props.renderDefault(props)}</TransformPatches>
      {stale.map((state) => (
        <StalePanel
          key={state.locale}
          state={state}
          value={value}
          edited={JSON.stringify(opened.current?.[state.locale]) !== JSON.stringify(value?.[state.locale])}
          readOnly={Boolean(readOnly)}
          onMarkUpToDate={() => onChange(markUpToDatePatches(value, state.locale, new Date().toISOString()))}
        />
      ))}
      {/* Under the languages' columns (the field lays its input out in a grid), across all of them. */}
      <Flex align="center" gap={2} data-testid="translation-source" data-source={source} style={{ gridColumn: '1 / -1' }}>
        <Text size={0} muted>
          Written first in · 原文語言: {label}
          {source === sourceLocale.id ? '' : ' (not the default · 非預設)'}
        </Text>
        {choosing ? (
          <Select fontSize={0} padding={1} value={source} onChange={changeSource} aria-label="Written first in · 原文語言">
            {locales.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
                {l.id === sourceLocale.id ? ' (default · 預設)' : ''}
              </option>
            ))}
          </Select>
        ) : (
          !readOnly && <Button mode="bleed" fontSize={0} padding={1} text="Change · 變更" onClick={() => setChoosing(true)} />
        )}
      </Flex>
    </LocalizedFieldContext.Provider>
  )
}
