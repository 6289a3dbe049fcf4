import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { BlockContentIcon, LinkIcon } from '@sanity/icons'
import { allowedLinkSchemes, URL_SCHEME_MESSAGE } from '../lib/validation.ts'
import { label } from '../lib/label.ts'

/**
 * Portable Text for explanations: paragraphs, two heading levels, lists, emphasis,
 * external links (http, https, mailto only) and links to other content of the site.
 */
export const portableText = defineType({
  name: 'portableText',
  title: label('格式文字', 'Rich text'),
  type: 'array',
  icon: BlockContentIcon,
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        { title: label('段落', 'Paragraph'), value: 'normal' },
        { title: label('標題', 'Heading'), value: 'h3' },
        { title: label('小標題', 'Subheading'), value: 'h4' },
        { title: label('引文', 'Quote'), value: 'blockquote' },
      ],
      lists: [
        { title: label('項目符號清單', 'Bullets'), value: 'bullet' },
        { title: label('編號清單', 'Numbered'), value: 'number' },
      ],
      marks: {
        decorators: [
          { title: label('粗體', 'Strong'), value: 'strong' },
          { title: label('強調', 'Emphasis'), value: 'em' },
        ],
        annotations: [
          defineArrayMember({
            name: 'link',
            title: label('外部連結', 'External link'),
            type: 'object',
            icon: LinkIcon,
            fields: [
              defineField({
                name: 'href',
                title: label('網址', 'URL'),
                type: 'url',
                // Two rules, each with its own message (one chain shows its last message for every failure).
                // `skip()` leaves the first rule only its presence check (no second URL check with the wrong message).
                validation: (rule) => [
                  rule.skip().required().error(label('必填：連結網址。', 'Required: the address this link opens.')),
                  rule.uri({ scheme: [...allowedLinkSchemes] }).error(URL_SCHEME_MESSAGE),
                ],
              }),
            ],
          }),
          defineArrayMember({
            name: 'internalLink',
            title: label('站內連結', 'Link to site content'),
            type: 'object',
            icon: LinkIcon,
            fields: [
              defineField({
                name: 'reference',
                title: label('連結目標', 'Content'),
                type: 'reference',
                to: [{ type: 'industry' }, { type: 'section' }, { type: 'metric' }, { type: 'glossaryTerm' }],
                validation: (rule) => rule.required().error(label('必填：請選擇連結目標。', 'Required: choose the page this link opens.')),
              }),
            ],
          }),
        ],
      },
    }),
  ],
})
