// One Salesforce component (the package's real LWC) in a frame of its own: custom permissions are
// static imports in LWC, so each viewer gets a fresh frame that reads their session first
// (sandbox/page/salesforce/boot.ts). The frame reports its content's height and grows to it, so the
// page scrolls as one. A component's modal is fixed to the frame's viewport (as Lightning's are to
// the window), which is the whole tall frame: centred there it opened ~1,100 px above the visible
// part. So the page tells the frame which band of it is on screen, and the frame fits its modals
// into that band (frame.html).
import { useEffect, useRef, useState } from 'react';

export function SalesforceFrame(props: {
  component: 'panel' | 'admin' | 'queue';
  /** The viewer's key (rep1, cs1, admin…): the page server signs the frame's API calls as them. */
  viewer: string;
  recordId?: string;
  /** The record page the panel sits on: an Opportunity (default) or an Account. */
  objectApiName?: 'Opportunity' | 'Account';
  now: number;
  title: string;
  testId: string;
  /** A record link clicked in the frame (Lightning would navigate there). */
  onOpenRecord?: (objectApiName: string, recordId: string) => void;
}) {
  const { onOpenRecord } = props;
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(320);
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      const data = event.data as {
        type?: string;
        height?: number;
        objectApiName?: string;
        recordId?: string;
      } | null;
      if (event.source !== frame.current?.contentWindow) return;
      if (data?.type === 'handoff-sf-frame' && typeof data.height === 'number') {
        setHeight(Math.max(160, Math.ceil(data.height)));
      }
      if (data?.type === 'handoff-sf-open' && data.objectApiName && data.recordId) {
        onOpenRecord?.(data.objectApiName, data.recordId);
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [onOpenRecord]);
  useEffect(() => {
    const tell = () => {
      const target = frame.current;
      if (!target?.contentWindow) return;
      const rect = target.getBoundingClientRect();
      const top = Math.min(Math.max(0, -rect.top), rect.height);
      const bottom = Math.max(top, Math.min(rect.height, window.innerHeight - rect.top));
      target.contentWindow.postMessage(
        { type: 'handoff-sf-visible', top, height: bottom - top },
        location.origin,
      );
    };
    tell();
    window.addEventListener('scroll', tell, { passive: true });
    window.addEventListener('resize', tell);
    const target = frame.current;
    target?.addEventListener('load', tell);
    return () => {
      window.removeEventListener('scroll', tell);
      window.removeEventListener('resize', tell);
      target?.removeEventListener('load', tell);
    };
  }, [height]);
  const query = new URLSearchParams({
    component: props.component,
    viewer: props.viewer,
    recordId: props.recordId ?? '',
    objectApiName: props.objectApiName ?? 'Opportunity',
    now: String(props.now),
  });
  return (
    <iframe
      ref={frame}
      className="sf-frame"
      title={props.title}
      data-testid={props.testId}
      src={`/sf/frame.html?${query.toString()}`}
      style={{ height }}
    />
  );
}
