// The one C surface Tidings uses: ncursesw with wide-character calls enabled,
// plus accessors for the C globals that Swift 6 rejects as not concurrency-safe.
#ifndef TIDINGS_NCURSES_SHIM_H
#define TIDINGS_NCURSES_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>
#include <wchar.h>

static inline WINDOW *tidings_stdscr(void) { return stdscr; }
static inline FILE *tidings_stdout(void) { return stdout; }
static inline FILE *tidings_stdin(void) { return stdin; }

static inline attr_t tidings_attr_normal(void) { return A_NORMAL; }
static inline attr_t tidings_attr_bold(void) { return A_BOLD; }
static inline attr_t tidings_attr_reverse(void) { return A_REVERSE; }
static inline attr_t tidings_attr_dim(void) { return A_DIM; }
static inline attr_t tidings_attr_underline(void) { return A_UNDERLINE; }

static inline int tidings_wcwidth(wchar_t c) { return wcwidth(c); }

static inline int tidings_key_code_yes(void) { return KEY_CODE_YES; }

/// How many colours the terminal has (valid once start_color has run).
static inline int tidings_colors(void) { return COLORS; }

/// Draws one cell: a base character plus up to four combining characters.
static inline int tidings_put_cell(WINDOW *win, int y, int x, const wchar_t *chars,
                                   attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, chars, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}

/// Reports button 1 presses and the wheel (buttons 4 and 5) at once, without waiting to tell clicks apart.
static inline void tidings_enable_mouse(void) {
    mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
}

/// Reads the pending mouse event: 1 a press of button 1, 2 wheel up, 3 wheel down, 0 anything else.
static inline int tidings_read_mouse(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON1_PRESSED) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 2;
    if (event.bstate & BUTTON5_PRESSED) return 3;
    return 0;
}

// Last, because it defines a macro for every terminfo capability name (lines, columns, tab, ...).
#include <ncursesw/term.h>

/// Whether the terminfo database describes the terminal type `name` well enough to draw, found without
/// opening a screen (newterm already writes to the terminal) and without ever exiting.
static inline int tidings_terminal_type_known(const char *name) {
    TERMINAL *previous = cur_term;
    int status = 0;
    int result = setupterm(name, STDOUT_FILENO, &status);
    if (result == OK) del_curterm(cur_term);
    set_curterm(previous);
    return result == OK;
}

#endif
