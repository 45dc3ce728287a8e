#ifndef SSHS_CLIBEDIT_SHIM_H
#define SSHS_CLIBEDIT_SHIM_H
// libedit for the REPL. libreadline-dev headers may also be installed on Debian, so the
// editline headers are named explicitly (never <readline/readline.h>).
#include <stdio.h>
#include <editline/readline.h>
#include <histedit.h>
#endif
