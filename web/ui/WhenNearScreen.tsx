import { useIsFetching, useQueryClient, type Query } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';

/** A query fetching what the page has no data for yet (not one refreshing data shown). */
const firstLoad = (query: Query) => query.state.status === 'pending';

/**
 * What is fetched when it comes near the screen (within `margin`), not with
 * the page: the member form's map (Leaflet, about 44 kB compressed), far below
 * a phone's first screen, and the member's own form below its identity (issue
 * 14). Until then a space of 260 px holds its place.
 * With `afterData`, where it is is first looked at once the page's queries
 * have their data: a list above it still loading (a loader a few lines high)
 * would have brought it on screen for a moment, and its code with it.
 */
export function WhenNearScreen({ children, margin = '400px', afterData = false }: { children: ReactNode; margin?: string; afterData?: boolean }) {
  const place = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  const client = useQueryClient();
  const waiting = useIsFetching({ predicate: firstLoad }) > 0 && afterData;
  useEffect(() => {
    if (near || waiting || !place.current) return;
    // A query the same render started (a list enabled once the page's record came) counts too.
    const onScreen = (entries: IntersectionObserverEntry[]) => entries.some((e) => e.isIntersecting) && !(afterData && client.isFetching({ predicate: firstLoad }) > 0);
    const observer = new IntersectionObserver((entries) => onScreen(entries) && setNear(true), { rootMargin: `${margin} 0px` });
    observer.observe(place.current);
    return () => observer.disconnect();
  }, [near, margin, waiting, afterData, client]);
  return near ? children : <div ref={place} style={{ height: 260 }} />;
}
