/**
 * Submitting an application, from the form (提交) or the progress page (重新提交): consent first,
 * synchronously in the tap (WeChat shows the subscribe sheet only there), then the answers
 * recorded, whatever the page must do first (the form saves its draft), and `filing.submit` with
 * one request id per submit intent. The server applies a request id once; the id is kept only
 * across a failure that may not have reached the server, so a retry is the same intent.
 */
import type { Envelope } from '@beian/core';
import { subscribeTemplateIds } from '../utils/templates';
import { newRequestId } from './filings';
import { askConsent, recordConsent, type ConsentAnswers } from './subscriptions';

export interface SubmitSteps<T> {
  /** Runs after consent is recorded; false stops the submit before anything is sent. */
  prepare?: () => Promise<boolean>;
  /** Sends the submit under the intent's request id; null when nothing was sent. */
  send: (requestId: string) => Promise<Envelope<T> | null>;
}

/** Whether an answer ends the intent: any answer from the server does, a network failure not. */
function endsIntent(answer: Envelope<unknown>): boolean {
  return answer.ok || answer.error.code !== 'INTERNAL';
}

/** One per page: it holds the current intent's request id and whether a submit is running. */
export class Submitter {
  private requestId: string | null = null;
  private running = false;

  get isRunning(): boolean {
    return this.running;
  }

  /**
   * Call in the tap handler before any `await`. Answers null at once when a submit is already
   * running; else the server's answer, or null when `prepare` stopped it or nothing was sent.
   */
  submit<T>(steps: SubmitSteps<T>): Promise<Envelope<T> | null> {
    if (this.running) return Promise.resolve(null);
    this.running = true;
    const consent = askConsent(subscribeTemplateIds());
    this.requestId ??= newRequestId();
    return this.finish(consent, this.requestId, steps);
  }

  private async finish<T>(
    consent: Promise<ConsentAnswers>,
    requestId: string,
    steps: SubmitSteps<T>,
  ): Promise<Envelope<T> | null> {
    try {
      // Consent is recorded whatever the filer chose; a failure to record never blocks the filing.
      await recordConsent(await consent);
      if (steps.prepare && !(await steps.prepare())) return null;
      const answer = await steps.send(requestId);
      if (answer && endsIntent(answer)) this.requestId = null;
      return answer;
    } finally {
      this.running = false;
    }
  }
}
