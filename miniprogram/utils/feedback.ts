/**
 * How a page tells the filer (or reviewer) that something did not work: the server's own Chinese
 * message in a toast, long enough to read. The server's messages say what to do, so they are shown
 * as they are rather than replaced by a generic "操作失败".
 */
import type { Failure } from '@beian/core';

const TOAST_MS = 3000;

export function showFailure(error: Pick<Failure, 'message'>): void {
  void wx.showToast({ title: error.message || '操作失败，请稍后重试。', icon: 'none', duration: TOAST_MS });
}

export function showDone(title: string): void {
  void wx.showToast({ title, icon: 'success' });
}

/** A CONFLICT means someone else changed the application first: say so, then the page reloads. */
export const CONFLICT_NOTICE = '该申请刚被其他人更新，已重新加载最新内容，请核对后再操作。';
