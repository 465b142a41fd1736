// The hex half of the packet inspector (Wireshark's byte view): offset, 16 bytes in hex, the
// same bytes as text. A byte range is highlighted; a click reports the byte under the cursor.
#pragma once

#include <QPlainTextEdit>

#include <cstdint>
#include <span>
#include <vector>

namespace eapscope::ui {

class HexView : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit HexView(QWidget* parent = nullptr);

    void setBytes(std::span<const std::uint8_t> bytes);
    void highlight(std::uint32_t offset, std::uint32_t length);
    [[nodiscard]] std::uint32_t highlightOffset() const { return hlOffset_; }
    [[nodiscard]] std::uint32_t highlightLength() const { return hlLength_; }
    [[nodiscard]] std::size_t byteCount() const { return bytes_.size(); }

    static constexpr int kBytesPerLine = 16;
    /// Text position of byte `offset` in the hex (or ASCII) column.
    [[nodiscard]] static int hexPosition(std::uint32_t offset);
    [[nodiscard]] static int asciiPosition(std::uint32_t offset);
    /// The byte at text position `position`, or -1.
    [[nodiscard]] int byteAtPosition(int position) const;

signals:
    void byteClicked(std::uint32_t offset);

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    std::vector<std::uint8_t> bytes_;
    std::uint32_t hlOffset_ = 0;
    std::uint32_t hlLength_ = 0;
};

}  // namespace eapscope::ui
