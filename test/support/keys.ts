import { executeServerCommand, sendKeys } from '@web/test-runner-commands';

/**
 * A person at a keyboard, the same in Chromium, Firefox and WebKit. Engines differ under the
 * drivers: Firefox (WebDriver BiDi) knows no key named "Space", only " "; WebKitWebDriver drops the
 * second of two identical keys sent in one action, so WebKit gets one key per call; and WebDriver
 * cannot hold a key down across calls, so chords go through the runner's `press-chord` command.
 */
export const engine: 'chromium' | 'firefox' | 'webkit' = navigator.userAgent.includes('Firefox/')
  ? 'firefox'
  : navigator.userAgent.includes('Chrome/')
    ? 'chromium'
    : 'webkit';

const keyName = (key: string) => (key === 'Space' ? ' ' : key);

/** Types text into whatever has focus. */
export async function type(text: string): Promise<void> {
  if (engine !== 'webkit') return void (await sendKeys({ type: text }));
  for (const char of text) await sendKeys({ press: char });
}

/** One key (`Tab`, `Enter`, `Space`, `ArrowDown`...) or a chord (`Shift+Tab`). */
export async function press(key: string): Promise<void> {
  const keys = key.split('+').map(keyName);
  if (keys.length > 1) await executeServerCommand('press-chord', { keys });
  else await sendKeys({ press: keys[0]! });
}

/** Tab `times` times. */
export async function tab(times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await press('Tab');
}
