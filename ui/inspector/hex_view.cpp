#include "inspector/hex_view.h"

#include <QFontDatabase>
#include <QMouseEvent>
#include <QTextBlock>

namespace eapscope::ui {
namespace {
constexpr int kOffsetWidth = 6;                   // "0000  "
constexpr int kHexWidth = HexView::kBytesPerLine * 3;  // "xx " per byte
constexpr int kLineLength = kOffsetWidth + kHexWidth + 1 + HexView::kBytesPerLine + 1;  // + '\n'
}  // namespace

HexView::HexView(QWidget* parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
}

int HexView::hexPosition(std::uint32_t offset)
{
    return static_cast<int>(offset / kBytesPerLine) * kLineLength + kOffsetWidth +
           static_cast<int>(offset % kBytesPerLine) * 3;
}

int HexView::asciiPosition(std::uint32_t offset)
{
    return static_cast<int>(offset / kBytesPerLine) * kLineLength + kOffsetWidth + kHexWidth + 1 +
           static_cast<int>(offset % kBytesPerLine);
}

int HexView::byteAtPosition(int position) const
{
    const int line = position / kLineLength;
    const int column = position % kLineLength;
    int inLine = -1;
    if (column >= kOffsetWidth && column < kOffsetWidth + kHexWidth) {
        inLine = (column - kOffsetWidth) / 3;
    } else if (column > kOffsetWidth + kHexWidth && column < kLineLength - 1) {
        inLine = column - kOffsetWidth - kHexWidth - 1;
    }
    const int offset = line * kBytesPerLine + inLine;
    return inLine < 0 || offset >= static_cast<int>(bytes_.size()) ? -1 : offset;
}

void HexView::setBytes(std::span<const std::uint8_t> bytes)
{
    bytes_.assign(bytes.begin(), bytes.end());
    QString text;
    for (std::size_t line = 0; line * kBytesPerLine < bytes_.size(); ++line) {
        QString hex;
        QString ascii;
        for (std::size_t i = line * kBytesPerLine; i < (line + 1) * kBytesPerLine; ++i) {
            if (i < bytes_.size()) {
                hex += QStringLiteral("%1 ").arg(bytes_[i], 2, 16, QLatin1Char('0'));
                ascii += (bytes_[i] >= 0x20 && bytes_[i] < 0x7f) ? QLatin1Char(static_cast<char>(bytes_[i])) : QLatin1Char('.');
            } else {
                hex += QStringLiteral("   ");
                ascii += QLatin1Char(' ');
            }
        }
        text += QStringLiteral("%1  ").arg(line * kBytesPerLine, 4, 16, QLatin1Char('0')) + hex + QLatin1Char(' ') +
                ascii + QLatin1Char('\n');
    }
    setPlainText(text);
    highlight(0, 0);
}

void HexView::highlight(std::uint32_t offset, std::uint32_t length)
{
    hlOffset_ = offset;
    hlLength_ = length;
    QList<QTextEdit::ExtraSelection> selections;
    QTextCharFormat format;
    format.setBackground(palette().highlight());
    format.setForeground(palette().highlightedText());
    const std::uint32_t end = std::min<std::uint32_t>(offset + length, static_cast<std::uint32_t>(bytes_.size()));
    for (std::uint32_t i = offset; i < end; ++i) {
        for (const int position : {hexPosition(i), asciiPosition(i)}) {
            QTextEdit::ExtraSelection selection;
            selection.format = format;
            selection.cursor = QTextCursor(document());
            selection.cursor.setPosition(position);
            selection.cursor.setPosition(position + (position == hexPosition(i) ? 2 : 1), QTextCursor::KeepAnchor);
            selections.append(selection);
        }
    }
    setExtraSelections(selections);
    if (end > offset) {
        QTextCursor cursor(document());
        cursor.setPosition(hexPosition(offset));
        setTextCursor(cursor);
        ensureCursorVisible();
    }
}

void HexView::mouseReleaseEvent(QMouseEvent* event)
{
    QPlainTextEdit::mouseReleaseEvent(event);
    const int offset = byteAtPosition(cursorForPosition(event->position().toPoint()).position());
    if (offset >= 0) {
        emit byteClicked(static_cast<std::uint32_t>(offset));
    }
}

}  // namespace eapscope::ui
