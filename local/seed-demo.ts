/**
 * The demo data `npm run seed` loads: an admin, two filers and a handful of applications in
 * different states, each made through the real actions over HTTP (so the audit trail, the outbox
 * and the locks are what real use would leave), with real uploaded files and consent given the
 * way the mini-program gives it (the consent sheet, then `subscription.record`, on each tap).
 */
import { randomUUID } from 'node:crypto';
import {
  emptyForm,
  type Envelope,
  type FilingForm,
  type FilingView,
  type OperatorCredentials,
  type Reason,
} from '@beian/core';
import type { CloudClient } from './client';
import { solidPng } from './demo-image';
import { enterpriseDemoForm, fileIdsOf, personalDemoForm, type DemoApp } from './demo-forms';
import { cloudPathOf } from './storage';

export const DEMO_ADMIN = { openid: 'o-demo-admin', name: '演示审核员' } as const;
export const DEMO_FILER_A = 'o-demo-filer-a';
export const DEMO_FILER_B = 'o-demo-filer-b';
export const DEMO_RECORD_NUMBER = '京ICP备2026012345号-1X';

export const DEMO_REJECTION: Reason = {
  field: 'subject.principal.certificate.photoFront',
  error: '身份证人像面照片反光，证件号码无法辨认',
  suggest: '请在光线均匀处重新拍摄证件原件，确保四角完整、文字清晰后上传',
};

export interface SeededApplication {
  id: string;
  owner: string;
  kind: string;
  state: string;
  name: string;
}

export type SeedReport = { seeded: false } | { seeded: true; applications: SeededApplication[] };

export class SeedError extends Error {}

const APPS = {
  ledger: {
    key: 'ledger',
    appid: 'wx1234567890abcdef',
    name: '三哥记账本',
    comment: '个人开发的记账工具，提供收支记录、分类统计和月度报表功能，数据只保存在用户自己的账户中。',
  },
  reading: {
    key: 'reading',
    appid: 'wx2234567890abcdef',
    name: '三哥读书笔记',
    comment: '个人开发的读书笔记工具，提供书目管理、摘录整理和阅读计划功能，不含任何社交和发布功能。',
  },
  todo: {
    key: 'todo',
    appid: 'wx3234567890abcdef',
    name: '三哥待办清单',
    comment: '个人开发的待办事项工具，提供任务清单、提醒和完成统计功能，数据只保存在用户自己的账户中。',
  },
  office: {
    key: 'office',
    appid: 'wxabcdef1234567890',
    name: '示例企业协同办公',
    comment: '企业内部协同办公工具，提供日程安排、任务分派、审批流转和团队通讯录等功能，仅供本公司员工使用。',
  },
  wiki: {
    key: 'wiki',
    appid: 'wxbbcdef1234567890',
    name: '示例企业知识库',
    comment: '企业内部知识库工具，提供文档编写、分类检索和版本记录等功能，仅供本公司员工查阅和维护使用。',
  },
  expense: {
    key: 'expense',
    appid: 'wxcbcdef1234567890',
    name: '示例企业报销助手',
    comment: '企业内部报销工具，提供票据拍照登记、报销单填写和审批进度查询等功能，仅供本公司员工使用。',
  },
} satisfies Record<string, DemoApp>;

/** Loads the demo data unless the demo filers already have applications. */
export async function seedDemo(
  client: CloudClient,
  operator: OperatorCredentials,
  templateIds: readonly string[],
): Promise<SeedReport> {
  const seeder = new Seeder(client, templateIds);
  const existing = must(await client.as(DEMO_FILER_A, 'filing', 'filing.list', {}), '查看演示数据');
  if (existing.items.length > 0) return { seeded: false };
  must(await client.operator(operator, 'admin', 'admins.add', { ...DEMO_ADMIN }), '添加演示审核员');

  const a = DEMO_FILER_A;
  const b = DEMO_FILER_B;
  const filed = await seeder.through(await seeder.submitted(a, personalDemoForm(a, APPS.ledger)), 'filed');
  const change = await seeder.changeOf(filed, { 'miniprogram.name': '三哥记账本专业版' });
  const sms = await seeder.through(
    await seeder.submitted(a, personalDemoForm(a, APPS.reading)),
    'sms_verification',
  );
  const draft = await seeder.draft(a, { ...emptyForm(), subject: personalDemoForm(a, APPS.todo).subject });
  const office = await seeder.submitted(b, enterpriseDemoForm(b, APPS.office));
  const rejected = await seeder.through(office, 'platform_rejected');
  const authority = await seeder.through(
    await seeder.submitted(b, enterpriseDemoForm(b, APPS.wiki)),
    'authority_review',
  );
  const review = await seeder.submitted(b, enterpriseDemoForm(b, APPS.expense));
  // What the scheduler's timer would do within a minute: send the notices these moves queued.
  await client.request('POST', '/_/triggers/scheduler');

  return {
    seeded: true,
    applications: [filed, change, sms, draft, rejected, authority, review].map(({ owner, filing }) => ({
      id: filing.id,
      owner,
      kind: filing.kind,
      state: filing.state,
      name: filing.form.miniprogram.name || filing.form.subject.name,
    })),
  };
}

/** A demo application and its filer (a filer's view of an application does not name its owner). */
export interface Demo {
  owner: string;
  filing: FilingView;
}

type Stop = 'sms_verification' | 'platform_rejected' | 'authority_review' | 'filed';

const versioned = ({ filing }: { filing: FilingView }) => ({ id: filing.id, version: filing.version });

export class Seeder {
  constructor(
    private readonly client: CloudClient,
    private readonly templateIds: readonly string[],
  ) {}

  /** A new application with `form` saved, its files uploaded first as the mini-program would. */
  async draft(owner: string, form: FilingForm): Promise<Demo> {
    await this.upload(owner, form);
    const created = must(await this.client.as(owner, 'filing', 'draft.create', { kind: 'new' }), '创建草稿');
    const { filing } = created;
    const saved = must(
      await this.client.as(owner, 'filing', 'draft.save', { id: filing.id, version: filing.version, form }),
      `保存「${form.miniprogram.name || form.subject.name}」`,
    );
    return { owner, filing: saved.filing };
  }

  async submitted(owner: string, form: FilingForm): Promise<Demo> {
    return this.submit(await this.draft(owner, form));
  }

  async changeOf(base: Demo, patch: Record<string, unknown>): Promise<Demo> {
    const { owner } = base;
    const created = must(
      await this.client.as(owner, 'filing', 'draft.create', { kind: 'change', baseId: base.filing.id }),
      '发起变更',
    );
    const saved = must(
      await this.client.as(owner, 'filing', 'draft.save', { ...versioned(created), patch }),
      '保存变更',
    );
    return this.submit({ owner, filing: saved.filing });
  }

  /** Moves a submitted application on, as the admin and the filer would, until `stop`. */
  async through(demo: Demo, stop: Stop): Promise<Demo> {
    const admin = DEMO_ADMIN.openid;
    const { owner } = demo;
    const step = (filing: FilingView): Demo => ({ owner, filing });
    if (stop === 'platform_rejected') {
      const params = { ...versioned(demo), reasons: [DEMO_REJECTION] };
      return step(must(await this.client.as(admin, 'admin', 'review.reject', params), '初审驳回').filing);
    }
    let moved = step(
      must(await this.client.as(admin, 'admin', 'review.approve', versioned(demo)), '初审通过').filing,
    );
    if (stop === 'sms_verification') return moved;
    await this.consent(owner);
    moved = step(
      must(await this.client.as(owner, 'filing', 'sms.confirm', versioned(moved)), '短信核验').filing,
    );
    if (stop === 'authority_review') return moved;
    const params = { ...versioned(moved), recordNumber: DEMO_RECORD_NUMBER };
    return step(
      must(await this.client.as(admin, 'admin', 'authority.approve', params), '通管局审核通过').filing,
    );
  }

  private async submit(demo: Demo): Promise<Demo> {
    await this.consent(demo.owner);
    const params = { ...versioned(demo), requestId: randomUUID() };
    const submitted = must(
      await this.client.as(demo.owner, 'filing', 'filing.submit', params),
      `提交「${demo.filing.form.miniprogram.name}」`,
    );
    return { owner: demo.owner, filing: submitted.filing };
  }

  /** The consent sheet accepted for every template, then reported to the server: one tap's worth. */
  private async consent(owner: string): Promise<void> {
    const results = Object.fromEntries(this.templateIds.map((id) => [id, 'accept' as const]));
    const sheet = (await this.client.request('POST', '/_/subscriptions', { openid: owner, results })) as {
      ok?: unknown;
    };
    if (sheet.ok === false) throw new SeedError(`订阅授权失败：${JSON.stringify(sheet)}`);
    must(await this.client.as(owner, 'filing', 'subscription.record', { results }), '记录订阅授权');
  }

  private async upload(owner: string, form: FilingForm): Promise<void> {
    for (const fileId of fileIdsOf(form)) {
      const cloudPath = cloudPathOf(fileId);
      if (cloudPath !== null) {
        await this.client.upload(owner, cloudPath, solidPng(96, 64, colourOf(cloudPath)), 'image/png');
      }
    }
  }
}

/** A pale colour per file, so different materials look different on the review page. */
function colourOf(cloudPath: string): [number, number, number] {
  let hash = 0;
  for (const char of cloudPath) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return [160 + (hash % 80), 160 + ((hash >> 8) % 80), 160 + ((hash >> 16) % 80)];
}

function must<T>(answer: Envelope<T>, what: string): T {
  if (answer.ok) return answer.data;
  const fields = (answer.error.fields ?? []).map((f) => `\n  ${f.path}: ${f.message}`).join('');
  throw new SeedError(`${what}失败：${answer.error.code} ${answer.error.message}${fields}`);
}
