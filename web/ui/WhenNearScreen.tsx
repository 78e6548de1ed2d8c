import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * What is fetched when it comes near the screen (within `margin`), not with
 * the page: the member form's map (Leaflet, about 44 kB compressed), far below
 * a phone's first screen, and the member's own form below its identity (issue
 * 14). Until then a space of 260 px holds its place.
 */
export function WhenNearScreen({ children, margin = '400px' }: { children: ReactNode; margin?: string }) {
  const place = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (near || !place.current) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: `${margin} 0px` });
    observer.observe(place.current);
    return () => observer.disconnect();
  }, [near, margin]);
  return near ? children : <div ref={place} style={{ height: 260 }} />;
}
