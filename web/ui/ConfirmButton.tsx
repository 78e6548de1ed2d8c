import { ActionIcon, Button, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useConfirm } from './confirm.js';

/**
 * A button that asks before it destroys or changes something that cannot be
 * undone. With an icon it is an icon button named by its label.
 */
export function ConfirmButton({ label, question, onConfirm, loading, icon, ...props }: ButtonProps & { label: string; question: ReactNode; onConfirm: () => void | Promise<unknown>; icon?: ReactNode }) {
  const [ask, dialog] = useConfirm();
  const open = async () => {
    // A refusal is the mutation's error, shown by the page; it is not thrown on.
    if (await ask({ question, confirmLabel: label, color: props.color === 'red' || props.color === undefined ? 'red' : props.color })) await Promise.resolve(onConfirm()).catch(() => undefined);
  };
  return (
    <>
      {icon ? (
        <ActionIcon variant="subtle" color="red" aria-label={label} title={label} onClick={() => void open()} loading={loading}>
          {icon}
        </ActionIcon>
      ) : (
        <Button variant="subtle" color="red" size="xs" onClick={() => void open()} loading={loading} {...props}>
          {label}
        </Button>
      )}
      {dialog}
    </>
  );
}
