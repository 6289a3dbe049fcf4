import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { BlockContentIcon, LinkIcon } from '@sanity/icons'
import { allowedLinkSchemes, URL_SCHEME_MESSAGE } from '../lib/validation.ts'

/**
 * Portable Text for explanations: paragraphs, two heading levels, lists, emphasis,
 * external links (http, https, mailto only) and links to other content of the site.
 */
export const portableText = defineType({
  name: 'portableText',
  title: 'Rich text',
  type: 'array',
  icon: BlockContentIcon,
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        { title: 'Paragraph', value: 'normal' },
        { title: 'Heading', value: 'h3' },
        { title: 'Subheading', value: 'h4' },
        { title: 'Quote', value: 'blockquote' },
      ],
      lists: [
        { title: 'Bullets', value: 'bullet' },
        { title: 'Numbered', value: 'number' },
      ],
      marks: {
        decorators: [
          { title: 'Strong', value: 'strong' },
          { title: 'Emphasis', value: 'em' },
        ],
        annotations: [
          defineArrayMember({
            name: 'link',
            title: 'External link',
            type: 'object',
            icon: LinkIcon,
            fields: [
              defineField({
                name: 'href',
                title: 'URL',
                type: 'url',
                // Two rules, each with its own message (one chain shows its last message for every failure).
                // `skip()` leaves the first rule only its presence check (no second URL check with the wrong message).
                validation: (rule) => [
                  rule.skip().required().error('Required: the address this link opens. 必填：連結網址。'),
                  rule.uri({ scheme: [...allowedLinkSchemes] }).error(URL_SCHEME_MESSAGE),
                ],
              }),
            ],
          }),
          defineArrayMember({
            name: 'internalLink',
            title: 'Link to site content',
            type: 'object',
            icon: LinkIcon,
            fields: [
              defineField({
                name: 'reference',
                title: 'Content',
                type: 'reference',
                to: [{ type: 'industry' }, { type: 'section' }, { type: 'metric' }, { type: 'glossaryTerm' }],
                validation: (rule) => rule.required().error('Required: choose the page this link opens. 必填：請選擇連結目標。'),
              }),
            ],
          }),
        ],
      },
    }),
  ],
})
