import { Button, Group } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useConfirm } from '../../ui/confirm.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { bottleneckToAdvocacy, ledKeys } from './api.js';

/**
 * Takes a regulatory bottleneck to advocacy with its coded evidence, once
 * asked, then opens the advocacy issue made of it: from the region's list of
 * bottlenecks and from the bottleneck's own evidence page alike.
 */
export function ToAdvocacyButton({ regionId, bottleneck }: { regionId: string; bottleneck: { id: string; title: string } }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [ask, confirmDialog] = useConfirm();
  const toAdvocacy = useMutation({
    mutationFn: () => bottleneckToAdvocacy(regionId, bottleneck.id),
    onSuccess: async ({ advocacyIssueId }) => {
      // The region's key covers its bottlenecks' evidence pages too.
      await queryClient.invalidateQueries({ queryKey: ledKeys.region(regionId) });
      void navigate(`/advocacy/${advocacyIssueId}`);
    },
  });
  return (
    <>
      <Group>
        <Button size="xs" variant="light" color="grape" mih={44} leftSection={<IconSpeakerphone size={14} />} loading={toAdvocacy.isPending}
          onClick={async () => {
            if (await ask({ question: t('led.toAdvocacyQuestion', { title: bottleneck.title }), confirmLabel: t('led.toAdvocacy'), color: 'grape' })) toAdvocacy.mutate();
          }}>{t('led.toAdvocacy')}</Button>
      </Group>
      <ProblemAlert error={toAdvocacy.error} />
      {confirmDialog}
    </>
  );
}
