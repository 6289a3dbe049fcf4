declare namespace App {
  interface Locals {
    /**
     * The page's locale, for components that editors write inside MDX (`<Metric>`), where the
     * page cannot pass props: the page sets it from its page layer's `locale` before it
     * renders the MDX. Every other component gets the locale as a prop.
     */
    locale?: import('../schemas/locales').Locale
  }
}
