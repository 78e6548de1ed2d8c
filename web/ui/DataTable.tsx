import { Group, Paper, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { isValidElement, type ReactNode } from 'react';
import { EmptyState } from './EmptyState.js';
import { nextSort, sortState } from './list-params.js';
import { Loading } from './Loading.js';
import { ScrollTable } from './ScrollTable.js';

/** A header the list can be sorted by: `sort` is the column's name in the list's contract. */
export interface SortableHeader {
  label: string;
  sort: string;
  /** Dates and counts read best newest or largest first. */
  firstDescending?: boolean;
}
export type Header = ReactNode | SortableHeader;

// An array is a ReactNode too, and has a `sort` method: only a plain object with a column name is a sortable header.
const isSortable = (h: Header): h is SortableHeader => typeof h === 'object' && h !== null && !Array.isArray(h) && !isValidElement(h) && typeof (h as { sort?: unknown }).sort === 'string';

function SortButton({ header, sort }: { header: SortableHeader; sort: { value: string; onChange: (sort: string) => void } }) {
  const state = sortState(sort.value, header.sort);
  const Icon = state === 'ascending' ? IconArrowUp : state === 'descending' ? IconArrowDown : IconArrowsSort;
  return (
    <UnstyledButton className="rt-sort-button" onClick={() => sort.onChange(nextSort(sort.value, header.sort, header.firstDescending))} fw={700} fz="sm">
      <Group gap={4} wrap="nowrap">
        <span>{header.label}</span>
        <Icon size={14} aria-hidden stroke={state === 'none' ? 1.5 : 2.25} opacity={state === 'none' ? 0.5 : 1} />
      </Group>
    </UnstyledButton>
  );
}

/**
 * The list every staff page shows: a loader while fetching, a plain sentence
 * when there is nothing, else a table that scrolls sideways on a phone.
 * With `sort` (from `useListParams`), headers given as `{ label, sort }` are
 * buttons that order the list by their column; the column shown sorted says
 * so to screen readers (`aria-sort`).
 */
export function DataTable({
  pending,
  empty,
  emptyText,
  headers,
  minWidth,
  bordered = true,
  sort,
  children,
}: {
  pending: boolean;
  empty: boolean;
  emptyText: ReactNode;
  headers: Header[];
  minWidth: number;
  bordered?: boolean;
  sort?: { value: string; onChange: (sort: string) => void };
  children: ReactNode;
}) {
  if (pending) return <Loading />;
  if (empty) return <EmptyState>{emptyText}</EmptyState>;
  const table = (
    <ScrollTable minWidth={minWidth}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {headers.map((h, i) =>
              isSortable(h) ? (
                sort ? (
                  <Table.Th key={i} aria-sort={sortState(sort.value, h.sort)}>
                    <SortButton header={h} sort={sort} />
                  </Table.Th>
                ) : (
                  <Table.Th key={i}>{h.label}</Table.Th>
                )
              ) : (
                <Table.Th key={i}>{h}</Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </ScrollTable>
  );
  return bordered ? <Paper withBorder>{table}</Paper> : table;
}
