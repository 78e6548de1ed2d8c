import type { LaunchOptions } from 'playwright-core';

export const BROWSER_OPTIONS: LaunchOptions = {
  executablePath: '/usr/bin/chromium',
  // Without the background-networking flags Chromium keeps calling home,
  // which this closed network refuses.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
