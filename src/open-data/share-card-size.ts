/** A share card's size in pixels: the size link previews ask for (Open Graph, Twitter's large card). */
export const CARD_WIDTH = 1200
export const CARD_HEIGHT = 630
