/* ll-document-chooser.h: which document a command (export, print) is for */
#pragma once

#include <adwaita.h>

#include "ll-workbook.h"

G_BEGIN_DECLS

/* Called with the document chosen; not called when the user cancels. */
typedef void (*LlDocumentChosenFunc) (GtkWindow      *parent,
                                      LlDocumentInfo *info);

/* Finds out which of @workbook's documents a command is for. The one with
 * ID @current (the document open in the place shown; 0 for none) is taken
 * without a question, and so is a workbook's only document; otherwise a
 * dialog over @parent with @heading and @accept_label lists them all, with
 * the one with ID @preselect (or else the first) chosen at first. @chosen
 * is called with the document, at once or when the user accepts, unless
 * @parent is gone by then. Returns the dialog, or NULL when there was no
 * question (or no document). */
GtkWidget *ll_document_chooser_run (GtkWindow            *parent,
                                    LlWorkbook           *workbook,
                                    gint64                current,
                                    gint64                preselect,
                                    const char           *heading,
                                    const char           *accept_label,
                                    LlDocumentChosenFunc  chosen);

G_END_DECLS
