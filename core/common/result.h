// Errors are values inside core (CONVENTIONS.md): a Result<T> holds a value or a message.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace eapscope {

struct Error {
    std::string message;
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : data_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
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

private:
    std::variant<T, Error> data_;
};

struct Ok {};

/// Result of an operation that yields nothing but may fail.
using Status = Result<Ok>;

inline Error makeError(std::string message)
{
    return Error{std::move(message)};
}

}  // namespace eapscope
