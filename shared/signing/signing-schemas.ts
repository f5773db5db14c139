import * as z from 'zod';
import { idSchema } from '#shared/script/pack-schema.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL_CHARS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029]/;

/** Chat text: 1..2000 characters after trimming, newlines allowed, no other control characters. */
export const chatTextSchema = z
  .string({ error: 'text 必须是字符串' })
  .trim()
  .min(1, '消息不能为空')
  .max(2000, '消息不能超过 2000 个字符')
  .refine((s) => !CONTROL_CHARS.test(s), '消息不能包含控制字符');

export const openSessionSchema = z.strictObject({
  projectId: idSchema,
  unitId: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .refine((s) => !CONTROL_CHARS.test(s), '房号不能包含控制字符'),
  buyer: z.strictObject({
    name: z
      .string()
      .trim()
      .min(1, '请填写购房人姓名')
      .max(50)
      .refine((s) => !CONTROL_CHARS.test(s), '姓名不能包含控制字符'),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 -]{5,22}$/, '手机号格式不正确'),
  }),
});
export type OpenSessionInput = z.infer<typeof openSessionSchema>;

export const postMessageSchema = z.strictObject({
  text: chatTextSchema,
  clientMessageId: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9._:-]+$/, 'clientMessageId 只能包含字母、数字和 ._:-'),
});
export type PostMessageInput = z.infer<typeof postMessageSchema>;

export const sessionIdParam = z.strictObject({
  id: z.string().regex(/^ses_[a-z0-9]{20,40}$/, '会话编号格式不正确'),
});
export const disclosureParam = z.strictObject({
  id: sessionIdParam.shape.id,
  disclosureId: idSchema,
});
