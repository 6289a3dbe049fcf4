import type { NavbarProps } from 'sanity'
import { missingEnvMessage } from '../env'

/**
 * The Studio's navbar with a warning strip above it when the Studio runs on the placeholder
 * project (SANITY_STUDIO_PROJECT_ID / SANITY_STUDIO_DATASET not set). Plain elements with the
 * Studio's theme colours, so it needs no UI library of its own.
 */
export function navbarWithEnvWarning(missing: string[]) {
  // biome-ignore lint/correctness/noComponentHookFactories: made once, when the Studio config is read, to close over what is missing
  function NavbarWithEnvWarning(props: NavbarProps) {
    return (
      <>
        <div
          role="alert"
          data-testid="studio-env-warning"
          style={{
            padding: '0.5rem 1rem',
            fontSize: '0.875rem',
            lineHeight: 1.4,
            background: 'var(--card-badge-caution-bg-color, #fff3cd)',
            color: 'var(--card-badge-caution-fg-color, #664d03)',
            borderBottom: '1px solid var(--card-border-color, #e5c100)',
          }}
        >
          ⚠ {missingEnvMessage(missing)}
        </div>
        {props.renderDefault(props)}
      </>
    )
  }
  return NavbarWithEnvWarning
}
