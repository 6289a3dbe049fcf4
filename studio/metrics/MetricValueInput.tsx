import { definePlugin, isNumberInputProps, useFormValue, type InputProps, type NumberInputProps } from 'sanity'
import { Stack, Text } from '@sanity/ui'
import { metricEcho, type MetricEchoInput } from '../../schemas/lib/metric-echo'
import { label } from '../../schemas/lib/label'

/** Shown while the figure cannot be written yet (no number, unit or currency). */
const WAITING = label('填入數值與單位後，這裡會顯示網站上的寫法。', 'Enter the value and unit to see how the site writes it.')

/**
 * The metric's value input with the figure written out under it, as the site writes it in
 * both languages ("新臺幣 1.7 兆元 · NT$1.7 trillion"): money is typed in full units, and a
 * zero too many or too few is plain to see there. It reads the unit, currency, comparator and
 * counted noun from the document being edited, so the line follows every change.
 */
export function MetricValueInput(props: NumberInputProps) {
  const document = useFormValue([]) as (MetricEchoInput & { _type?: string }) | undefined
  if (document?._type !== 'metric') return props.renderDefault(props)
  const echo = metricEcho({ ...document, value: props.value })
  return (
    <Stack gap={3}>
      {props.renderDefault(props)}
      <Text size={1} muted={!echo} data-testid="metric-value-echo" aria-live="polite">
        {echo ?? WAITING}
      </Text>
    </Stack>
  )
}

/** Whether an input is a metric's top-level `value` (the only number field named so). */
function isMetricValue(props: InputProps): props is NumberInputProps {
  return isNumberInputProps(props) && props.path.length === 1 && props.path[0] === 'value'
}

/**
 * The echo under the metric value, registered as a form component so schemas/ stays free of
 * React: the schema says what the figure is, the Studio how to show it.
 */
export const metricValueEcho = definePlugin({
  name: 'six-core-metric-value-echo',
  form: {
    components: {
      input: (props: InputProps) => (isMetricValue(props) ? <MetricValueInput {...props} /> : props.renderDefault(props)),
    },
  },
})
