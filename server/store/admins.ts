/**
 * An admin as both adapters read one back, whatever their column or field names: the mobile only
 * when one was registered, so an admin without one reads the same on sqlite and on cloudbase.
 */
import type { AdminRecord } from '@beian/core';

export function adminRecord(openid: unknown, name: unknown, addedAt: unknown, mobile: unknown): AdminRecord {
  const admin: AdminRecord = { openid: String(openid), name: String(name), addedAt: String(addedAt) };
  if (typeof mobile === 'string') admin.mobile = mobile;
  return admin;
}
