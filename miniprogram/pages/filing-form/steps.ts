/**
 * The five steps of the form and where each form path lives among them. Which section a path
 * belongs to is core's (`sectionOf`, the same map the checks and the reviewers' labels use); this
 * file only adds what the filer reads on the step bar.
 */
import {
  FORM_SECTIONS,
  fieldLabel,
  normalizePath,
  sectionOf,
  type FormSection,
  type Issue,
} from '@beian/core';
import type { IssueRow } from '../../components/summary-section/index';

interface StepText {
  /** Under the dot of van-steps: short, five of them share one line. */
  short: string;
  /** The step's heading. */
  title: string;
}

const STEP_TEXT: Readonly<Record<FormSection, StepText>> = {
  subject: { short: '主体信息', title: '主体信息' },
  subjectPrincipal: { short: '主体负责人', title: '主体负责人' },
  miniprogram: { short: '小程序信息', title: '小程序信息' },
  miniprogramPrincipal: { short: '人脸核身', title: '小程序负责人与人脸核身' },
  materials: { short: '确认提交', title: '确认提交' },
};

export const STEP_SECTIONS: readonly FormSection[] = FORM_SECTIONS;

/** The last step: materials, the full check and the submit button. */
export const SUMMARY_STEP = STEP_SECTIONS.length - 1;

export interface StepBarItem {
  text: string;
  /** Under the step's name: how many must-fix items it holds. */
  desc?: string;
  /** Shown instead of van-steps' dot, which turns green for every step before the active one. */
  inactiveIcon?: string;
}

export const STEP_BAR: StepBarItem[] = STEP_SECTIONS.map((section) => ({ text: STEP_TEXT[section].short }));

/**
 * The step bar after a full check: a step holding errors carries a warning and its count, so a
 * step the filer skipped past never looks done while it still has must-fix items.
 */
export function stepBar(errors: readonly Issue[]): StepBarItem[] {
  const counts = new Map<number, number>();
  for (const issue of errors) {
    const step = stepOf(issue.path);
    counts.set(step, (counts.get(step) ?? 0) + 1);
  }
  return STEP_BAR.map((item, step) => {
    const count = step === SUMMARY_STEP ? 0 : (counts.get(step) ?? 0);
    return count === 0 ? item : { ...item, desc: `${count} 项待改`, inactiveIcon: 'warning' };
  });
}

export function stepTitle(step: number): string {
  const section = STEP_SECTIONS[step];
  return section ? STEP_TEXT[section].title : '';
}

export function sectionAt(step: number): FormSection {
  return STEP_SECTIONS[step] ?? 'materials';
}

/** The step holding a path; paths outside the form (e.g. `kind`) belong to the summary. */
export function stepOf(path: string): number {
  const section = sectionOf(normalizePath(path));
  return section === null ? SUMMARY_STEP : STEP_SECTIONS.indexOf(section);
}

/** Issues as the summary and the step notices list them. */
export function issueRows(issues: readonly Issue[]): IssueRow[] {
  return issues.map((issue) => {
    const path = normalizePath(issue.path);
    return {
      path,
      label: fieldLabel(path) || STEP_TEXT[sectionAt(stepOf(path))].title,
      step: STEP_TEXT[sectionAt(stepOf(path))].title,
      message: issue.message,
    };
  });
}

const STEP_STORAGE_PREFIX = 'filing-form:step:';

/** The step the filer was on, so reopening the draft continues there (this phone only). */
export function rememberStep(id: string, step: number): void {
  wx.setStorageSync(`${STEP_STORAGE_PREFIX}${id}`, step);
}

export function rememberedStep(id: string): number {
  const stored: unknown = wx.getStorageSync(`${STEP_STORAGE_PREFIX}${id}`);
  return typeof stored === 'number' && stored >= 0 && stored <= SUMMARY_STEP ? stored : 0;
}

export function forgetStep(id: string): void {
  wx.removeStorageSync(`${STEP_STORAGE_PREFIX}${id}`);
}
