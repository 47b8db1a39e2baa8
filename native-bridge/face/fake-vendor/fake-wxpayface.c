/*
 * A stand-in for the WeChat face-pay PC SDK, built by the tests with
 * `gcc -shared -fPIC`. Same two exports as the vendor library, JSON in and
 * out, with scripted answers picked by markers in the request:
 *   out_trade_no containing CANCEL / SCANPAY / SDKERR / FAILRC / ABORT / HANG
 *   cmd "fakeEcho"     -> echoes the whole request back (UTF-8 round trip)
 *   cmd "fakeCounters" -> how many calls and releases this process has seen
 * It is a test double for hardware that cannot exist here, not product code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static unsigned int calls = 0;
static unsigned int releases = 0;

static int has(const char *req, unsigned int size, const char *needle) {
  size_t n = strlen(needle);
  if (n > size) return 0;
  for (unsigned int i = 0; i + n <= size; i++)
    if (memcmp(req + i, needle, n) == 0) return 1;
  return 0;
}

static int answer(char **resp, unsigned int *respSize, const char *text) {
  size_t n = strlen(text);
  char *out = malloc(n + 1);
  if (!out) return -2;
  memcpy(out, text, n + 1);
  *resp = out;
  *respSize = (unsigned int)n;
  return 0;
}

int wxpayCallFaceService(const char *req, unsigned int reqSize, char **resp, unsigned int *respSize) {
  calls++;
  *resp = NULL;
  *respSize = 0;
  if (has(req, reqSize, "\"cmd\":\"fakeCounters\"")) {
    char buf[128];
    snprintf(buf, sizeof buf, "{\"return_code\":\"SUCCESS\",\"calls\":%u,\"releases\":%u}", calls, releases);
    return answer(resp, respSize, buf);
  }
  if (has(req, reqSize, "\"cmd\":\"fakeEcho\"")) {
    const char *head = "{\"return_code\":\"SUCCESS\",\"echo\":";
    size_t h = strlen(head);
    char *out = malloc(h + reqSize + 2);
    if (!out) return -2;
    memcpy(out, head, h);
    memcpy(out + h, req, reqSize);
    out[h + reqSize] = '}';
    out[h + reqSize + 1] = 0;
    *resp = out;
    *respSize = (unsigned int)(h + reqSize + 1);
    return 0;
  }
  if (has(req, reqSize, "\"cmd\":\"initWxpayface\""))
    return answer(resp, respSize, "{\"return_code\":\"SUCCESS\",\"return_msg\":\"初始化成功\"}");
  if (has(req, reqSize, "\"cmd\":\"getWxpayfaceRawdata\""))
    return answer(resp, respSize, "{\"return_code\":\"SUCCESS\",\"rawdata\":\"RAW-原始数据-0001\"}");
  if (has(req, reqSize, "\"cmd\":\"getWxpayfaceCode\"")) {
    if (has(req, reqSize, "ABORT")) abort();
    if (has(req, reqSize, "HANG")) { for (;;) sleep(60); }
    if (has(req, reqSize, "FAILRC")) return -7;
    if (has(req, reqSize, "CANCEL"))
      return answer(resp, respSize, "{\"return_code\":\"USER_CANCEL\",\"return_msg\":\"用户取消\"}");
    if (has(req, reqSize, "SCANPAY"))
      return answer(resp, respSize, "{\"return_code\":\"SCAN_PAYMENT\",\"return_msg\":\"用户选择扫码支付\"}");
    if (has(req, reqSize, "SDKERR"))
      return answer(resp, respSize, "{\"return_code\":\"ERROR\",\"return_msg\":\"摄像头异常\"}");
    if (!has(req, reqSize, "\"face_authtype\":\"FACEPAY\"") || !has(req, reqSize, "\"authinfo\":\""))
      return answer(resp, respSize, "{\"return_code\":\"PARAM_ERROR\",\"return_msg\":\"参数错误\"}");
    return answer(resp, respSize,
                  "{\"return_code\":\"SUCCESS\",\"face_code\":\"FACECODE-0123456789\",\"openid\":\"o_顾客_42\"}");
  }
  if (has(req, reqSize, "\"cmd\":\"updateWxpayfacePayResult\"") || has(req, reqSize, "\"cmd\":\"releaseWxpayface\""))
    return answer(resp, respSize, "{\"return_code\":\"SUCCESS\"}");
  return answer(resp, respSize, "{\"return_code\":\"ERROR\",\"return_msg\":\"unknown cmd\"}");
}

void wxpayReleaseResponse(char **resp) {
  if (resp && *resp) {
    releases++;
    free(*resp);
    *resp = NULL;
  }
}
