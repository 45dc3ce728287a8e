#ifndef SSHS_CLIBSSH2_SHIM_H
#define SSHS_CLIBSSH2_SHIM_H
// libssh2 for Swift. Function-like macros are not imported, so Swift code calls the `_ex`
// forms; numeric macros it needs are re-exported here as constants.
#include <libssh2.h>
#include <libssh2_sftp.h>

static const int SSHS_LIBSSH2_ERROR_EAGAIN = LIBSSH2_ERROR_EAGAIN;
static const int SSHS_LIBSSH2_SESSION_BLOCK_INBOUND = LIBSSH2_SESSION_BLOCK_INBOUND;
static const int SSHS_LIBSSH2_SESSION_BLOCK_OUTBOUND = LIBSSH2_SESSION_BLOCK_OUTBOUND;
#endif
