export {
  CkPayEmbed,
  CHECKR_PAY_ORIGINS,
  MIN_WIDTH,
  MIN_HEIGHT,
  allowedEmbedUrl,
  type PayToken,
} from './pay-embed/pay-embed.ts';
