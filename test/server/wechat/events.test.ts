/**
 * From a push as WeChat POSTs it to a typed event: both envelope formats, every event we act on
 * (by InfoType and by MsgType=event), the ones we do not know, the flat XML parser, and the key
 * that lets the intake skip WeChat's redeliveries.
 */
import { encryptMessage, type WeChatSecrets } from '../../../server/wechat/crypto';
import {
  eventKey,
  openEnvelope,
  parseEvent,
  sealEnvelope,
  type WeChatEvent,
} from '../../../server/wechat/events';
import { parseXml, toXml } from '../../../server/wechat/xml';

const SECRETS: WeChatSecrets = {
  token: 'pamtest',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appid: 'wxb11529c136998cb6',
};
const AT = { timestamp: '1714037059', nonce: '486452656' };
const TICKET_XML =
  '<xml><AppId><![CDATA[wxb11529c136998cb6]]></AppId><CreateTime>1413192605</CreateTime>' +
  '<InfoType><![CDATA[component_verify_ticket]]></InfoType>' +
  '<ComponentVerifyTicket><![CDATA[ticket@@@abc]]></ComponentVerifyTicket></xml>';

function parsed(message: string): WeChatEvent {
  const result = parseEvent(message);
  if (!result.ok) throw new Error(`${result.error}: ${result.detail}`);
  return result.event;
}

describe('openEnvelope', () => {
  it('opens an XML envelope addressed by AppId, and one by ToUserName', () => {
    const byAppId = sealEnvelope(SECRETS, TICKET_XML, AT);
    expect(byAppId.body).toMatch(/^<xml><AppId><!\[CDATA\[wxb11529c136998cb6\]\]><\/AppId><Encrypt>/);
    expect(openEnvelope(SECRETS, byAppId)).toEqual({
      ok: true,
      event: {
        type: 'component_verify_ticket',
        appId: SECRETS.appid,
        createTime: 1413192605,
        ticket: 'ticket@@@abc',
      },
    });
    const byUser = sealEnvelope(SECRETS, TICKET_XML, { ...AT, toUserName: 'gh_97417a04a28d' });
    expect(byUser.body).toContain('<ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName>');
    expect(openEnvelope(SECRETS, byUser)).toMatchObject({ ok: true, event: { ticket: 'ticket@@@abc' } });
  });

  it('opens a JSON envelope, and a JSON message inside it', () => {
    const message = JSON.stringify({
      AppId: SECRETS.appid,
      CreateTime: 1413192760,
      InfoType: 'unauthorized',
      AuthorizerAppid: 'wxa1',
    });
    const request = sealEnvelope(SECRETS, message, { ...AT, format: 'json' });
    expect(JSON.parse(request.body)).toEqual({ AppId: SECRETS.appid, Encrypt: expect.any(String) });
    expect(openEnvelope(SECRETS, request)).toEqual({
      ok: true,
      event: { type: 'unauthorized', appId: SECRETS.appid, createTime: 1413192760, authorizerAppid: 'wxa1' },
    });
  });

  it('refuses a request without its query, or with a parameter given twice', () => {
    const request = sealEnvelope(SECRETS, TICKET_XML, AT);
    const { msg_signature: _dropped, ...noSignature } = request.query;
    expect(openEnvelope(SECRETS, { ...request, query: noSignature })).toMatchObject({
      ok: false,
      error: 'query',
    });
    const twice = { ...request.query, nonce: [AT.nonce, AT.nonce] };
    expect(openEnvelope(SECRETS, { ...request, query: twice })).toMatchObject({ ok: false, error: 'query' });
  });

  it('refuses a body with no Encrypt, or one that is neither XML nor JSON', () => {
    const { query } = sealEnvelope(SECRETS, TICKET_XML, AT);
    for (const body of [
      '',
      'Encrypt=abc',
      '<xml><AppId>x</AppId></xml>',
      '{"Encrypt": 5',
      '[1]',
      '{"Encrypt": ""}',
    ]) {
      expect(openEnvelope(SECRETS, { query, body })).toMatchObject({ ok: false, error: 'body' });
    }
  });

  it("passes on the crypto's refusals: signature, appid", () => {
    const request = sealEnvelope(SECRETS, TICKET_XML, AT);
    const forged = { ...request, query: { ...request.query, msg_signature: 'f'.repeat(40) } };
    expect(openEnvelope(SECRETS, forged)).toMatchObject({ ok: false, error: 'signature' });
    const other = sealEnvelope({ ...SECRETS, appid: 'wx0000000000000000' }, TICKET_XML, AT);
    expect(openEnvelope(SECRETS, other)).toMatchObject({ ok: false, error: 'appid' });
  });

  it('refuses a decrypted message that is not XML or JSON, and a known event missing its fields', () => {
    expect(openEnvelope(SECRETS, sealEnvelope(SECRETS, 'hello', AT))).toMatchObject({
      ok: false,
      error: 'message',
    });
    const noTicket = TICKET_XML.replace(/<ComponentVerifyTicket>.*<\/ComponentVerifyTicket>/, '');
    expect(openEnvelope(SECRETS, sealEnvelope(SECRETS, noTicket, AT))).toEqual({
      ok: false,
      error: 'fields',
      detail: 'ComponentVerifyTicket',
    });
  });

  it('reads an envelope encrypted outside sealEnvelope, with a declaration and whitespace around it', () => {
    const { encrypt, msgSignature } = encryptMessage(SECRETS, TICKET_XML, AT);
    const body = `<?xml version="1.0"?>\n<xml>\n  <AppId><![CDATA[${SECRETS.appid}]]></AppId>\n  <Encrypt><![CDATA[${encrypt}]]></Encrypt>\n</xml>\n`;
    const query = { msg_signature: msgSignature, ...AT, encrypt_type: 'aes' };
    expect(openEnvelope(SECRETS, { query, body })).toMatchObject({
      ok: true,
      event: { type: 'component_verify_ticket' },
    });
  });
});

describe('parseEvent', () => {
  // What the component's 授权事件接收 URL receives: named by InfoType, sent from the component's AppId.
  const pushed = (infoType: string, createTime: number, fields: Record<string, string | number>) =>
    toXml({ AppId: SECRETS.appid, CreateTime: createTime, InfoType: infoType, ...fields });
  const authorization = (infoType: string) =>
    pushed(infoType, 1413192760, {
      AuthorizerAppid: 'wxf8b4f85f3a794e77',
      AuthorizationCode: 'queryauthcode@@@abc',
      AuthorizationCodeExpiredTime: 1413196360,
      PreAuthCode: 'preauthcode@@@xyz',
    });

  it.each(['authorized', 'updateauthorized'] as const)('reads %s', (type) => {
    expect(parsed(authorization(type))).toEqual({
      type,
      appId: SECRETS.appid,
      createTime: 1413192760,
      authorizerAppid: 'wxf8b4f85f3a794e77',
      authorizationCode: 'queryauthcode@@@abc',
      authorizationCodeExpiredTime: 1413196360,
      preAuthCode: 'preauthcode@@@xyz',
    });
  });

  it('reads unauthorized', () => {
    const xml = pushed('unauthorized', 1413192760, { AuthorizerAppid: 'wxa1' });
    expect(parsed(xml)).toEqual({
      type: 'unauthorized',
      appId: SECRETS.appid,
      createTime: 1413192760,
      authorizerAppid: 'wxa1',
    });
  });

  // The ICP events as they reach the 消息与事件接收 URL: MsgType=event, named by Event.
  const icp = (event: string, fields: Record<string, string | number>) =>
    toXml({
      ToUserName: 'gh_97417a04a28d',
      FromUserName: 'o9AgO5Kd',
      CreateTime: 1700000000,
      MsgType: 'event',
      Event: event,
      ...fields,
    });

  it('reads notify_apply_icpfiling_result', () => {
    expect(
      parsed(icp('notify_apply_icpfiling_result', { authorizer_appid: 'wxa1', beian_status: 6 })),
    ).toEqual({
      type: 'notify_apply_icpfiling_result',
      toUserName: 'gh_97417a04a28d',
      createTime: 1700000000,
      authorizerAppid: 'wxa1',
      beianStatus: 6,
    });
  });

  it('reads notify_icpfiling_verify_result, with and without along_with_auth_result', () => {
    const fields = { task_id: 'R5PqRPNb6GmG3i0rqd4pTg', verify_appid: 'wxa1', result: 3 };
    expect(
      parsed(icp('notify_icpfiling_verify_result', { ...fields, along_with_auth_result: 9 })),
    ).toMatchObject({
      type: 'notify_icpfiling_verify_result',
      taskId: 'R5PqRPNb6GmG3i0rqd4pTg',
      verifyAppid: 'wxa1',
      result: 3,
      alongWithAuthResult: 9,
    });
    const failed = parsed(icp('notify_icpfiling_verify_result', { ...fields, result: 2 }));
    expect(failed).toMatchObject({ result: 2 });
    expect(failed).not.toHaveProperty('alongWithAuthResult');
    expect(parseEvent(icp('notify_icpfiling_verify_result', { ...fields, result: 1 }))).toEqual({
      ok: false,
      error: 'fields',
      detail: 'result',
    });
  });

  it('reads notify_3rd_wxa_auth_and_icp', () => {
    expect(
      parsed(icp('notify_3rd_wxa_auth_and_icp', { procedure_id: 'p1', procedure_status: 22 })),
    ).toMatchObject({
      type: 'notify_3rd_wxa_auth_and_icp',
      procedureId: 'p1',
      procedureStatus: 22,
    });
  });

  it('reads an ICP event named by InfoType just the same, and in JSON with numbers as numbers', () => {
    const byInfoType = pushed('notify_apply_icpfiling_result', 1700000000, {
      authorizer_appid: 'wxa1',
      beian_status: '6',
    });
    expect(parsed(byInfoType)).toMatchObject({ type: 'notify_apply_icpfiling_result', beianStatus: 6 });
    const json = JSON.stringify({
      ToUserName: 'gh_1',
      CreateTime: 1700000000,
      MsgType: 'event',
      Event: 'notify_3rd_wxa_auth_and_icp',
      procedure_id: 'p1',
      procedure_status: 22,
    });
    expect(parsed(json)).toMatchObject({ type: 'notify_3rd_wxa_auth_and_icp', procedureStatus: 22 });
  });

  it('names every missing or malformed field at once', () => {
    const xml = toXml({ MsgType: 'event', Event: 'notify_apply_icpfiling_result', beian_status: 'six' });
    expect(parseEvent(xml)).toEqual({
      ok: false,
      error: 'fields',
      detail: 'CreateTime, authorizer_appid, beian_status',
    });
  });

  it('keeps an event it does not know, with its raw type and fields', () => {
    const event = parsed(icp('weapp_audit_success', { SuccTime: 1700000001 }));
    expect(event).toMatchObject({ type: 'unknown', rawType: 'weapp_audit_success', createTime: 1700000000 });
    expect(event.type === 'unknown' && event.fields['SuccTime']).toBe('1700000001');
    const text = toXml({ ToUserName: 'gh_1', CreateTime: 1, MsgType: 'text', Content: 'hi' });
    expect(parsed(text)).toMatchObject({ type: 'unknown', rawType: 'text' });
  });
});

describe('eventKey', () => {
  it('is the same for a redelivery, and for the same fields in JSON or another order', () => {
    const first = parsed(TICKET_XML);
    expect(eventKey(parsed(TICKET_XML))).toBe(eventKey(first));
    const json = JSON.stringify({
      ComponentVerifyTicket: 'ticket@@@abc',
      InfoType: 'component_verify_ticket',
      CreateTime: '1413192605',
      AppId: SECRETS.appid,
    });
    expect(eventKey(parsed(json))).toBe(eventKey(first));
    const a = parsed(
      JSON.stringify({ ToUserName: 'gh_1', CreateTime: 1, MsgType: 'event', Event: 'x', p: 1, q: 2 }),
    );
    const b = parsed(
      JSON.stringify({ q: 2, p: 1, Event: 'x', MsgType: 'event', CreateTime: 1, ToUserName: 'gh_1' }),
    );
    expect(eventKey(a)).toBe(eventKey(b));
  });

  it('differs when the push differs: time, app, status, task result', () => {
    const icp = (status: number, time = 1700000000, appid = 'wxa1') =>
      eventKey(
        parsed(
          toXml({
            ToUserName: 'gh_1',
            CreateTime: time,
            MsgType: 'event',
            Event: 'notify_apply_icpfiling_result',
            authorizer_appid: appid,
            beian_status: status,
          }),
        ),
      );
    const keys = [
      icp(4),
      icp(6),
      icp(4, 1700000001),
      icp(4, 1700000000, 'wxa2'),
      eventKey(parsed(TICKET_XML)),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('the flat XML parser', () => {
  it('reads text, CDATA, entities, one level of nesting, and self-closing elements', () => {
    const xml =
      '<xml><A>x &amp; &lt;y&gt; &#20013;&#x6587;</A><B><![CDATA[<b>]]></B><C><D>1</D><E/></C><F/></xml>';
    expect(parseXml(xml)).toEqual({ A: 'x & <y> 中文', B: '<b>', C: { D: '1', E: '' }, F: '' });
  });

  it('keeps a __proto__ element as data', () => {
    const fields = parseXml('<xml><__proto__>x</__proto__></xml>');
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(fields?.['__proto__']).toBe('x');
  });

  it('refuses what WeChat does not send', () => {
    const refused = [
      '<!DOCTYPE xml [<!ENTITY e "x">]><xml><A>&e;</A></xml>',
      '<xml><A>&e;</A></xml>',
      '<xml><A b="1">x</A></xml>',
      '<xml><A>1</A><A>2</A></xml>',
      '<xml><A><B><C>deep</C></B></A></xml>',
      '<xml><A>x<B>y</B></A></xml>',
      '<xml><A>x</B></xml>',
      '<xml><A><![CDATA[open</A></xml>',
      '<xml><A>x</A></xml><xml/>',
      '<root><A>x</A></root>',
      '<xml><A>x',
    ];
    for (const xml of refused) expect(parseXml(xml)).toBeUndefined();
  });

  it('serializes what it parses, splitting a CDATA terminator', () => {
    const fields = { A: 'a]]>b', N: 7, C: { D: 'd' } };
    expect(toXml(fields)).toBe(
      '<xml><A><![CDATA[a]]]]><![CDATA[>b]]></A><N>7</N><C><D><![CDATA[d]]></D></C></xml>',
    );
    expect(parseXml(toXml(fields))).toEqual({ A: 'a]]>b', N: '7', C: { D: 'd' } });
    expect(() => toXml({ 'not a name': 'x' })).toThrow(RangeError);
  });
});
