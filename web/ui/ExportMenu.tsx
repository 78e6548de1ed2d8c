import { Button, Menu } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TABLE_FORMATS } from '../../contracts/table-formats.js';
import { withQuery } from '../app/api.js';

/**
 * Downloads what the list shows, as CSV or Excel: the list's own path with
 * `/export.csv` or `/export.xlsx`, the list's filters and order. The server
 * writes it in the reader's language.
 */
export function ExportMenu({ path, query }: { path: string; query: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  return (
    <Menu>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />}>{t('ui.export.button')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {TABLE_FORMATS.map((format) => (
          <Menu.Item key={format} component="a" href={withQuery(`${path}/export.${format}`, filters)} download>
            {t(`ui.export.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
