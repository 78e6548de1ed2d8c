import { Button, Modal, Stack, Text } from '@mantine/core';
import { IconScan } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The browser's own barcode reader (Chrome on Android, Safari 17+): no library, works offline. */
interface Detector {
  detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>>;
}
type DetectorClass = new (options: { formats: string[] }) => Detector;
const detectorClass = (): DetectorClass | undefined => (globalThis as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;

/**
 * Reads a ticket's code from a QR code or barcode with the phone's camera,
 * where the browser can (otherwise the button is not shown and codes are
 * typed). Each code read is handed on once.
 */
export function CodeScanner({ onCode }: { onCode(code: string): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const handOn = useRef(onCode);
  handOn.current = onCode;
  useEffect(() => {
    if (!open) return;
    const Reader = detectorClass();
    if (!Reader) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let last = '';
    const reader = new Reader({ formats: ['qr_code', 'code_128', 'code_39'] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(async (s) => {
      stream = s;
      if (!video.current) return;
      video.current.srcObject = s;
      await video.current.play();
      timer = setInterval(() => {
        if (!video.current) return;
        reader.detect(video.current).then((found) => {
          const code = found[0]?.rawValue.trim();
          if (code && code !== last) {
            last = code;
            handOn.current(code);
          }
        }).catch(() => undefined);
      }, 300);
    }).catch(() => setFailed(true));
    return () => {
      clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [open]);
  if (!detectorClass() || !navigator.mediaDevices?.getUserMedia) return null;
  return (
    <>
      <Button variant="light" leftSection={<IconScan size={16} />} onClick={() => { setFailed(false); setOpen(true); }}>{t('events.door.scan')}</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('events.door.scan')} fullScreen>
        <Stack>
          {failed ? <Text c="red">{t('events.door.noCamera')}</Text> : <video ref={video} muted playsInline style={{ width: '100%', borderRadius: 8 }} />}
          <Text size="sm" c="dimmed">{t('events.door.scanHint')}</Text>
          <Button variant="default" onClick={() => setOpen(false)}>{t('events.door.scanDone')}</Button>
        </Stack>
      </Modal>
    </>
  );
}
