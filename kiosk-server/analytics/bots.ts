/**
 * Bot filtering for web events (kiosks are authenticated devices and skip it). The user agent is
 * read here to decide and is never stored or logged.
 */
const BOT_PATTERN =
  /bot\b|bot\/|crawl|spider|slurp|scrape|headless|phantomjs|selenium|puppeteer|playwright|lighthouse|pagespeed|pingdom|uptime|monitor|preview|facebookexternalhit|embedly|quora link|whatsapp|curl\/|wget\/|python-|httpx|aiohttp|go-http-client|java\/|okhttp|axios\/|node-fetch|undici|postman|insomnia|^mozilla\/5\.0$/i;

/** True for a request that does not come from a person's browser. */
export function isBot(userAgent: string | undefined): boolean {
  if (!userAgent || userAgent.length < 20) return true;
  // A browser always says Mozilla/5.0; tools that do not pretend are not visitors.
  if (!userAgent.startsWith('Mozilla/')) return true;
  return BOT_PATTERN.test(userAgent);
}

/** Do-Not-Track or Global Privacy Control on the request: the visitor asked not to be counted. */
export function optedOut(headers: { dnt?: string; gpc?: string }): boolean {
  return headers.dnt === '1' || headers.gpc === '1';
}
