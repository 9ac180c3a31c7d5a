import { useCallback, useRef, useState } from 'react';

/** Tracks one form submission at a time; Enter pressed again while waiting is ignored. */
export function useSubmission(): {
  submitting: boolean;
  submit: (task: () => Promise<void>) => Promise<void>;
} {
  const busy = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const submit = useCallback(async (task: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    setSubmitting(true);
    try {
      await task();
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  }, []);
  return { submitting, submit };
}
