// Where both CRMs can be seen at once: a warning when HubSpot and Salesforce run different playbooks
// (version · fingerprint, as each face's footer names its own), with the push of HubSpot's playbook
// to Salesforce that `npm run salesforce:deploy -- --playbook-from` does outside the sandbox.
import { useCallback, useEffect, useState } from 'react';
import { api, type PlaybookCopies } from './api.js';

/** The admin may save in either CRM's settings at any time; the page looks again this often. */
const LOOK_AGAIN_MS = 3_000;

export function PlaybookDrift(props: { userId: string; epoch: number; onPushed: () => void }) {
  const [copies, setCopies] = useState<PlaybookCopies | undefined>();
  const [pushing, setPushing] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();

  const look = useCallback(async () => {
    try {
      setCopies(await api.playbooks());
    } catch {
      // The next look tries again; a failed read must not cover the page with an error.
    }
  }, []);
  useEffect(() => {
    void look();
    const timer = setInterval(() => void look(), LOOK_AGAIN_MS);
    return () => clearInterval(timer);
  }, [look, props.epoch]);

  if (!copies?.drift) return null;
  const push = async () => {
    setPushing(true);
    setProblem(undefined);
    try {
      setCopies(await api.pushPlaybook(props.userId));
      // The Salesforce frames read the playbook when they load: load them again.
      props.onPushed();
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setPushing(false);
    }
  };
  return (
    <section className="playbook-drift" data-testid="playbook-drift" aria-label="Playbook copies">
      <p role="status">
        <strong>Two playbooks.</strong> {copies.drift}
      </p>
      <button
        type="button"
        disabled={pushing}
        onClick={() => void push()}
        data-testid="push-playbook"
      >
        {pushing ? 'Pushing…' : "Push HubSpot's playbook to Salesforce"}
      </button>
      {problem && (
        <p role="alert" className="playbook-drift-problem" data-testid="push-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
