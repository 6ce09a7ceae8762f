// One Salesforce component (the package's real LWC) in a frame of its own: custom permissions are
// static imports in LWC, so each viewer gets a fresh frame that reads their session first
// (sandbox/page/salesforce/boot.ts). The frame reports its content's height and grows to it, up to
// the window's height: beyond that it scrolls like a Salesforce tab, so a component's modal
// (fixed to the frame's viewport, as Lightning's are to the window) is always in view.
import { useEffect, useRef, useState } from 'react';

export function SalesforceFrame(props: {
  component: 'panel' | 'admin';
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
