import { Button, Group, Text } from '@mantine/core';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.js';

export interface MapPoint {
  latitude: number | null;
  longitude: number | null;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * A map to place a firm by clicking or dragging its marker. The latitude and
 * longitude inputs beside it stay the keyboard way to set the point; this is
 * the faster way for a person with a pointer. Loaded only when shown, so
 * Leaflet never weighs on other pages.
 */
export default function MapPointPicker({ value, onChange }: { value: MapPoint; onChange(point: { latitude: number; longitude: number }): void }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.CircleMarker | null>(null);
  const change = useRef(onChange);
  change.current = onChange;
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const tiles = session?.map;

  useEffect(() => {
    if (!element.current || !tiles) return;
    // No Leaflet prefix link in the attribution: its colour fails contrast; the tile credit stays.
    const m = L.map(element.current, { worldCopyJump: true, keyboard: true, attributionControl: false });
    L.control.attribution({ prefix: false }).addTo(m);
    L.tileLayer(tiles.tileUrl, { attribution: tiles.attribution, maxZoom: 19 }).addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) => change.current({ latitude: round(e.latlng.lat), longitude: round(e.latlng.lng) }));
    m.setView([0, 0], 2);
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
      marker.current = null;
    };
  }, [tiles]);

  // The marker follows the form, whichever way the point was set.
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (value.latitude == null || value.longitude == null) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    const at = L.latLng(value.latitude, value.longitude);
    if (!marker.current) {
      marker.current = L.circleMarker(at, { radius: 9, color: '#1c4f99', weight: 3, fillOpacity: 0.5 }).addTo(m);
      m.setView(at, Math.max(m.getZoom(), 14));
    } else {
      marker.current.setLatLng(at);
      if (!m.getBounds().contains(at)) m.panTo(at);
    }
  }, [value.latitude, value.longitude, tiles]);

  const locate = () => {
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating('idle');
        change.current({ latitude: round(p.coords.latitude), longitude: round(p.coords.longitude) });
      },
      () => setLocating('failed'),
      { enableHighAccuracy: true, timeout: 15000 },
    );
  };

  if (!tiles) return null;
  return (
    <div>
      <div ref={element} role="application" aria-label={t('members.mapLabel')} style={{ height: 260, borderRadius: 4 }} />
      <Group gap="sm" mt={4}>
        <Text size="xs" c="dimmed">{t('members.mapHelp')}</Text>
        {'geolocation' in navigator && (
          <Button size="compact-xs" variant="default" loading={locating === 'busy'} onClick={locate}>{t('members.useMyLocation')}</Button>
        )}
        {locating === 'failed' && <Text size="xs" c="red.9" role="alert">{t('members.locationFailed')}</Text>}
      </Group>
    </div>
  );
}
