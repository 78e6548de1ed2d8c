import { Paper, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { EmptyState } from './EmptyState.js';
import { Loading } from './Loading.js';
import { ScrollTable } from './ScrollTable.js';

/**
 * The list every staff page shows: a loader while fetching, a plain sentence
 * when there is nothing, else a table that scrolls sideways on a phone.
 */
export function DataTable({
  pending,
  empty,
  emptyText,
  headers,
  minWidth,
  bordered = true,
  children,
}: {
  pending: boolean;
  empty: boolean;
  emptyText: ReactNode;
  headers: ReactNode[];
  minWidth: number;
  bordered?: boolean;
  children: ReactNode;
}) {
  if (pending) return <Loading />;
  if (empty) return <EmptyState>{emptyText}</EmptyState>;
  const table = (
    <ScrollTable minWidth={minWidth}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {headers.map((h, i) => (
              <Table.Th key={i}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </ScrollTable>
  );
  return bordered ? <Paper withBorder>{table}</Paper> : table;
}
