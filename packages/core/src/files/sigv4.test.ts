import { describe, expect, it } from 'vitest'
import { EMPTY_SHA256, sha256Hex, signRequest, uriEncode } from './sigv4.js'

// The examples of Amazon's "Signature Calculations for the Authorization Header" page for S3.
const KEYS = { region: 'us-east-1', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }
const NOW = new Date('2013-05-24T00:00:00Z')

describe('signRequest (AWS Signature Version 4)', () => {
  it('reproduces the published GET Object example', () => {
    const headers = signRequest({
      ...KEYS,
      method: 'GET',
      url: 'https://examplebucket.s3.amazonaws.com/test.txt',
      headers: { Range: 'bytes=0-9' },
      now: NOW,
    })
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    )
    expect(headers).toMatchObject({ 'x-amz-date': '20130524T000000Z', 'x-amz-content-sha256': EMPTY_SHA256, range: 'bytes=0-9' })
  })

  it('reproduces the published PUT Object example (body hash, encoded key)', () => {
    const headers = signRequest({
      ...KEYS,
      method: 'PUT',
      url: 'https://examplebucket.s3.amazonaws.com/test$file.text',
      headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
      payloadHash: sha256Hex('Welcome to Amazon S3.'),
      now: NOW,
    })
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, ' +
        'Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
    )
  })

  it('reproduces the published GET Bucket (list objects) example with a query string', () => {
    const headers = signRequest({ ...KEYS, method: 'GET', url: 'https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J', now: NOW })
    expect(headers.authorization).toContain('Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7')
  })

  it('encodes keys the way S3 does, once', () => {
    expect(uriEncode('a b/ü(1).png', true)).toBe('a%20b/%C3%BC%281%29.png')
    const plain = signRequest({ ...KEYS, method: 'GET', url: 'https://b.example/a b.png', now: NOW })
    const encoded = signRequest({ ...KEYS, method: 'GET', url: 'https://b.example/a%20b.png', now: NOW })
    expect(plain.authorization).toBe(encoded.authorization)
  })
})
