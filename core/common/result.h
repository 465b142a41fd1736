// Errors are values inside core (CONVENTIONS.md): a Result<T> holds a value or a message.
// A message core makes for a person may also be kept as a sentence (MessageText: its English
// template and arguments), so the GUI shows it in the interface language while the CLI, its
// JSON and the logs keep the English message, byte for byte.
#pragma once

#include "common/message_text.h"

#include <string>
#include <utility>
#include <variant>

namespace eapscope {

struct Error {
    std::string message;
    // The message as a sentence (message == text.english()), when the error was made from one;
    // empty for a message made as plain English.
    MessageText text;

    /// The sentence to show: `text`, or the message as it is.
    [[nodiscard]] MessageText sentence() const { return text.empty() ? verbatim(message) : text; }
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : data_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : data_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return data_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(data_); }
    const T& value() const& { return std::get<0>(data_); }
    T&& value() && { return std::get<0>(std::move(data_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    [[nodiscard]] const std::string& error() const { return std::get<1>(data_).message; }
    /// The whole error, to pass on with its sentence (`return other.failure();`).
    [[nodiscard]] const Error& failure() const { return std::get<1>(data_); }
    /// The error as a sentence for the GUI (Error::sentence()).
    [[nodiscard]] MessageText errorText() const { return failure().sentence(); }

private:
    std::variant<T, Error> data_;
};

struct Ok {};

/// Result of an operation that yields nothing but may fail.
using Status = Result<Ok>;

inline Error makeError(std::string message)
{
    return Error{std::move(message), {}};
}

/// An error kept as a sentence: its message is the sentence in English.
inline Error makeError(MessageText text)
{
    std::string message = text.english();
    return Error{std::move(message), std::move(text)};
}

}  // namespace eapscope
