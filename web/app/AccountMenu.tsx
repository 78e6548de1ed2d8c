import { lazy, Suspense, useState } from 'react';
import type { SessionInfo } from '../../contracts/auth.js';
import { AccountButton } from './account.js';

/** The frame's menus and selects (web/app/shell-menus.tsx), asked for when a hand or the keyboard comes near one. */
export const loadShellMenus = () => import('./shell-menus.js');
const AccountMenuOpened = lazy(async () => ({ default: (await loadShellMenus()).AccountMenuOpened }));

/**
 * The account menu of the header: profile, language and sign-out. Its button
 * is drawn at once; the menu itself (Menu: Popover, floating-ui) is fetched
 * when a pointer or the keyboard reaches the button, and opens on the press.
 */
export function AccountMenu({ session }: { session: SessionInfo }) {
  const [wanted, setWanted] = useState(false);
  const button = <AccountButton session={session} aria-haspopup="menu" aria-expanded={false} onPointerEnter={() => void loadShellMenus()} onFocus={() => void loadShellMenus()} onClick={() => setWanted(true)} />;
  if (!wanted) return button;
  return (
    <Suspense fallback={button}>
      <AccountMenuOpened session={session} />
    </Suspense>
  );
}
