/** Chromium flags this machine needs (see chromium.mjs). */
export declare const chromiumArgs: string[];
/** Debian's Chromium or CHROME_PATH; exits with an install hint when there is none. */
export declare function findChromium(): string;
