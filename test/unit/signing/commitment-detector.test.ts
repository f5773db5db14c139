import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneHash } from '#shared/config/key-ring.ts';
import { detectPromiseTerms } from '#shared/signing/commitment-detector.ts';

describe('detectPromiseTerms', () => {
  it('flags the words that make a sentence a promise', () => {
    expect(detectPromiseTerms('我保证明年这里通地铁，肯定升值')).toEqual(['保证', '肯定', '升值', '地铁']);
    expect(detectPromiseTerms('签了就赠送一个车位')).toEqual(['赠送']);
    expect(detectPromiseTerms('可以送您两年物业费')).toEqual(['送']);
  });

  it('lets plain information pass', () => {
    expect(detectPromiseTerms('合同第十二条约定了付款方式，请您仔细阅读')).toEqual([]);
  });
});

describe('phone hashing', () => {
  const keys = { jwtSecret: new Uint8Array(32), phoneHmacKey: new Uint8Array(32).fill(7) };

  it('treats one number typed in different ways as the same buyer', () => {
    expect(normalizePhone('+86 138-0013-8000')).toBe('13800138000');
    expect(phoneHash(keys, '+86 138 0013 8000')).toBe(phoneHash(keys, '13800138000'));
    expect(phoneHash(keys, '13800138001')).not.toBe(phoneHash(keys, '13800138000'));
  });
});
