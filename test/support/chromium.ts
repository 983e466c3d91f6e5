import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Where Debian's `chromium` package (which `.ci/run` installs) and other builds put the browser. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The headless Chromium to run, `$CHROMIUM` first; undefined when none is installed. */
export function findChromium(): string | undefined {
  return [process.env.CHROMIUM, ...CANDIDATES].find((candidate) => candidate !== undefined && candidate !== '' && fs.existsSync(candidate));
}

/**
 * Headless, with what would reach the network in the background turned off (component updates,
 * sync, metrics, safe browsing lists, the first-run and default-browser checks), in a profile of
 * its own that is removed afterwards. `--virtual-time-budget` lets the page's scripts run to
 * completion before the DOM is dumped or the screenshot taken. As root, Chromium refuses to
 * start with its sandbox.
 */
function chromiumArgs(profile: string): string[] {
  return [
    '--headless', '--disable-gpu', '--no-first-run', '--no-default-browser-check',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps',
    '--disable-extensions', '--disable-breakpad', '--disable-domain-reliability', '--metrics-recording-only',
    '--safebrowsing-disable-auto-update', '--disable-features=Translate,OptimizationHints,MediaRouter',
    `--user-data-dir=${profile}`, '--virtual-time-budget=20000', '--window-size=1600,1000',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}

/** Opens `page` (an HTML file) in headless `chromium` and returns the DOM once its scripts ran; writes a screenshot to `screenshot`. */
export function renderInChromium(chromium: string, page: string, screenshot: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
  try {
    const url = `file://${path.resolve(page)}`;
    const dom = spawnSync(chromium, [...chromiumArgs(profile), '--dump-dom', url], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 120_000 });
    if (dom.status !== 0) {
      throw new Error(`${chromium} --dump-dom exited ${dom.status}: ${dom.stderr}`);
    }
    fs.mkdirSync(path.dirname(screenshot), { recursive: true });
    const shot = spawnSync(chromium, [...chromiumArgs(profile), `--screenshot=${path.resolve(screenshot)}`, url], { encoding: 'utf8', timeout: 120_000 });
    if (shot.status !== 0) {
      throw new Error(`${chromium} --screenshot exited ${shot.status}: ${shot.stderr}`);
    }
    return dom.stdout;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
