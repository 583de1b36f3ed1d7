/**
 * The emulated WeChat's side, beside the phone: act as a mini-program's administrator who
 * authorizes Beian, and move WeChat's review of that mini-program's filing or finish a face
 * verification — the `/_/wechat/*` routes of the local cloud, one button each. What the route
 * answered is shown under the buttons, so a developer sees WeChat's status or its refusal.
 */

const OUTCOMES: readonly [string, string][] = [
  ['platform_approve', '平台初审通过'],
  ['platform_reject', '平台初审驳回'],
  ['sms_verified', '短信核验完成'],
  ['sms_timeout', '短信核验超时'],
  ['authority_approve', '管局审核通过'],
  ['authority_reject', '管局审核驳回'],
];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function wechatPanel(): HTMLElement {
  const panel = element('details', 'mp-wechat');
  panel.appendChild(element('summary', 'mp-wechat__title', '模拟微信（第三方平台）'));
  const appid = element('input', 'mp-wechat__appid');
  appid.placeholder = '小程序 AppID，如 wx0123456789abcdef';
  appid.setAttribute('aria-label', '小程序 AppID');
  const outcome = element('select', 'mp-wechat__outcome');
  outcome.setAttribute('aria-label', '微信侧审核结果');
  for (const [value, label] of OUTCOMES) outcome.appendChild(new Option(label, value));
  const task = element('input', 'mp-wechat__task');
  task.placeholder = '人脸核身 task_id';
  task.setAttribute('aria-label', '人脸核身 task_id');
  const answer = element('pre', 'mp-wechat__answer');
  const call = (path: string, body: object): void => {
    void post(path, body).then((text) => (answer.textContent = text));
  };
  const button = (text: string, run: () => void) => {
    const node = element('button', 'mp-wechat__button', text);
    node.addEventListener('click', run);
    return node;
  };
  panel.append(
    appid,
    button('管理员完成授权', () => call('/_/wechat/authorize', { appid: appid.value.trim() })),
    outcome,
    button('推进微信侧', () =>
      call(`/_/wechat/icp/${encodeURIComponent(appid.value.trim())}/review`, { outcome: outcome.value }),
    ),
    task,
    button('核身成功', () =>
      call(`/_/wechat/verify-tasks/${encodeURIComponent(task.value.trim())}`, { face_status: 3 }),
    ),
    button('核身失败', () =>
      call(`/_/wechat/verify-tasks/${encodeURIComponent(task.value.trim())}`, { face_status: 2 }),
    ),
    answer,
  );
  return panel;
}

async function post(path: string, body: object): Promise<string> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return `${response.status} ${JSON.stringify(await response.json(), null, 1)}`;
  } catch (error) {
    return `请求失败：${error instanceof Error ? error.message : String(error)}`;
  }
}
