// The framed socket: whole frames across partial reads, deadlines, fd passing, and a broken
// stream reported as Corrupt or Closed (which the controller turns into a host failure).
#include "host/host_channel.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

namespace eapscope {
namespace {

struct Pair {
    HostChannel a;
    HostChannel b;
};

Pair makePair()
{
    int ends[2];
    EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends), 0);
    return Pair{HostChannel(ends[0]), HostChannel(ends[1])};
}

TEST(HostChannel, FrameArrivesWhole)
{
    Pair p = makePair();
    const std::vector<std::uint8_t> payload(100000, 0x5A);
    ASSERT_TRUE(p.a.send(wire::FrameType::CallReply, payload).ok());
    const Received got = p.b.receive(1000);
    ASSERT_EQ(got.status, Received::Status::Ok);
    EXPECT_EQ(got.frame.type, wire::FrameType::CallReply);
    EXPECT_EQ(got.frame.payload, payload);
}

TEST(HostChannel, SeveralFramesInOneReadAreSplit)
{
    Pair p = makePair();
    ASSERT_TRUE(p.a.send(wire::FrameType::Dying, std::vector<std::uint8_t>{11, 0, 0, 0}).ok());
    ASSERT_TRUE(p.a.send(wire::FrameType::DyingEvents, std::vector<std::uint8_t>{0, 0, 0, 0}).ok());
    const Received first = p.b.receive(1000);
    const Received second = p.b.receive(1000);
    ASSERT_EQ(first.status, Received::Status::Ok);
    ASSERT_EQ(second.status, Received::Status::Ok);
    EXPECT_EQ(first.frame.type, wire::FrameType::Dying);
    EXPECT_EQ(second.frame.type, wire::FrameType::DyingEvents);
}

TEST(HostChannel, NothingSent_TimesOut)
{
    Pair p = makePair();
    EXPECT_EQ(p.b.receive(20).status, Received::Status::Timeout);
}

// The deadline is the socket's receive timeout, changed only when it differs: a wait that timed
// out must not leave a timeout behind for a later wait without deadline, nor the reverse.
TEST(HostChannel, DeadlinesOfSuccessiveWaits_AreEachTheirOwn)
{
    Pair p = makePair();
    EXPECT_EQ(p.b.receive(20).status, Received::Status::Timeout);
    EXPECT_EQ(p.b.receive(0).status, Received::Status::Timeout) << "0: only what is already there";
    ASSERT_TRUE(p.a.send(wire::FrameType::Ack, {}).ok());
    EXPECT_EQ(p.b.receive(0).status, Received::Status::Ok);
    std::thread late([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        (void)p.a.send(wire::FrameType::HeapReply, std::vector<std::uint8_t>{0, 0, 0, 0});
    });
    const Received forever = p.b.receive(-1);  // after a 20 ms deadline: must wait, not time out
    late.join();
    ASSERT_EQ(forever.status, Received::Status::Ok);
    EXPECT_EQ(forever.frame.type, wire::FrameType::HeapReply);
    std::thread later([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        (void)p.a.send(wire::FrameType::Ack, {});
    });
    EXPECT_EQ(p.b.receive(10000).status, Received::Status::Ok);
    later.join();
    EXPECT_EQ(p.b.receive(20).status, Received::Status::Timeout);
}

// A descriptor that is not a socket (a pipe) still gets its deadline (poll()).
TEST(HostChannel, PipeReadEnd_TimesOutThenReadsNothingMore)
{
    int ends[2];
    ASSERT_EQ(::pipe(ends), 0);
    HostChannel reader(ends[0], -1);
    EXPECT_EQ(reader.receive(20).status, Received::Status::Timeout);
    ::close(ends[1]);
    EXPECT_NE(reader.receive(1000).status, Received::Status::Ok);
}

TEST(HostChannel, PeerClosed_IsClosed)
{
    Pair p = makePair();
    p.a.close();
    EXPECT_EQ(p.b.receive(1000).status, Received::Status::Closed);
}

TEST(HostChannel, StreamEndingInsideAFrame_IsCorrupt)
{
    Pair p = makePair();
    const std::uint8_t partial[] = {10, 0, 0, 0, 65, 1, 2};  // promises 10 bytes, sends 3
    ASSERT_EQ(::write(p.a.fd(), partial, sizeof partial), static_cast<ssize_t>(sizeof partial));
    p.a.close();
    EXPECT_EQ(p.b.receive(1000).status, Received::Status::Corrupt);
}

TEST(HostChannel, LengthOutOfRange_IsCorrupt)
{
    Pair p = makePair();
    const std::uint8_t zero[] = {0, 0, 0, 0};
    ASSERT_EQ(::write(p.a.fd(), zero, sizeof zero), 4);
    EXPECT_EQ(p.b.receive(1000).status, Received::Status::Corrupt);

    Pair q = makePair();
    const std::uint8_t huge[] = {0xFF, 0xFF, 0xFF, 0x7F, 1};
    ASSERT_EQ(::write(q.a.fd(), huge, sizeof huge), 5);
    EXPECT_EQ(q.b.receive(1000).status, Received::Status::Corrupt);
}

/// Writes 'x' into `fd` and reads it back from `readEnd`: the passed descriptor is the pipe.
void expectSamePipe(int fd, int readEnd)
{
    ASSERT_EQ(::write(fd, "x", 1), 1);
    char c = 0;
    ASSERT_EQ(::read(readEnd, &c, 1), 1);
    EXPECT_EQ(c, 'x');
}

TEST(HostChannel, PassedFdArrivesWithItsFrame)
{
    Pair p = makePair();
    int pipeEnds[2];
    ASSERT_EQ(::pipe(pipeEnds), 0);
    const int passed[] = {pipeEnds[1]};
    ASSERT_TRUE(p.a.send(wire::FrameType::CheckpointReply, std::vector<std::uint8_t>{1}, passed).ok());
    ::close(pipeEnds[1]);
    const Received got = p.b.receive(1000);
    ASSERT_EQ(got.status, Received::Status::Ok);
    ASSERT_EQ(got.frame.passedFds.size(), 1u);
    expectSamePipe(got.frame.passedFds[0], pipeEnds[0]);
    ::close(got.frame.passedFds[0]);
    ::close(pipeEnds[0]);
}

// A checkpoint hands over two sockets in one frame, in the order they were given.
TEST(HostChannel, SeveralFdsArriveWithTheirFrameInOrder)
{
    Pair p = makePair();
    int first[2];
    int second[2];
    ASSERT_EQ(::pipe(first), 0);
    ASSERT_EQ(::pipe(second), 0);
    const int passed[] = {first[1], second[1]};
    ASSERT_TRUE(p.a.send(wire::FrameType::CheckpointReply, std::vector<std::uint8_t>{1}, passed).ok());
    ::close(first[1]);
    ::close(second[1]);
    const Received got = p.b.receive(1000);
    ASSERT_EQ(got.status, Received::Status::Ok);
    ASSERT_EQ(got.frame.passedFds.size(), 2u);
    expectSamePipe(got.frame.passedFds[0], first[0]);
    expectSamePipe(got.frame.passedFds[1], second[0]);
    for (const int fd : {got.frame.passedFds[0], got.frame.passedFds[1], first[0], second[0]}) {
        ::close(fd);
    }
}

// One read can return a frame that carried no descriptor followed by the frame that did: the
// descriptors belong to the second, not to the first frame parsed.
TEST(HostChannel, FdsBelongToTheFrameTheyWereSentWith_NotToAnEarlierOneInTheSameRead)
{
    Pair p = makePair();
    int pipeEnds[2];
    ASSERT_EQ(::pipe(pipeEnds), 0);
    const int passed[] = {pipeEnds[1]};
    ASSERT_TRUE(p.a.send(wire::FrameType::Dying, std::vector<std::uint8_t>{11, 0, 0, 0}).ok());
    ASSERT_TRUE(p.a.send(wire::FrameType::CheckpointReply, std::vector<std::uint8_t>{1}, passed).ok());
    ASSERT_TRUE(p.a.send(wire::FrameType::Ack, {}).ok());
    ::close(pipeEnds[1]);
    const Received dying = p.b.receive(1000);
    const Received reply = p.b.receive(1000);
    const Received ack = p.b.receive(1000);
    ASSERT_EQ(dying.status, Received::Status::Ok);
    ASSERT_EQ(reply.status, Received::Status::Ok);
    ASSERT_EQ(ack.status, Received::Status::Ok);
    EXPECT_EQ(dying.frame.type, wire::FrameType::Dying);
    EXPECT_TRUE(dying.frame.passedFds.empty());
    EXPECT_EQ(reply.frame.type, wire::FrameType::CheckpointReply);
    ASSERT_EQ(reply.frame.passedFds.size(), 1u);
    EXPECT_TRUE(ack.frame.passedFds.empty());
    expectSamePipe(reply.frame.passedFds[0], pipeEnds[0]);
    ::close(reply.frame.passedFds[0]);
    ::close(pipeEnds[0]);
}

// The controller's connection to a host: requests on one socket, replies on another, each end
// reading one and writing the other; the end of either peer is still seen as Closed.
TEST(HostChannel, OneSocketPerDirection_CarriesBothWaysAndSeesTheEnd)
{
    int requests[2];
    int replies[2];
    ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, requests), 0);
    ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, replies), 0);
    HostChannel controller(replies[0], requests[0]);
    HostChannel host(requests[1], replies[1]);
    EXPECT_EQ(controller.writeFd(), requests[0]);
    ASSERT_TRUE(controller.send(wire::FrameType::DrainHeap, {}).ok());
    const Received request = host.receive(1000);
    ASSERT_EQ(request.status, Received::Status::Ok);
    EXPECT_EQ(request.frame.type, wire::FrameType::DrainHeap);
    ASSERT_TRUE(host.send(wire::FrameType::HeapReply, std::vector<std::uint8_t>{0, 0, 0, 0}).ok());
    const Received reply = controller.receive(1000);
    ASSERT_EQ(reply.status, Received::Status::Ok);
    EXPECT_EQ(reply.frame.type, wire::FrameType::HeapReply);
    EXPECT_EQ(controller.receive(20).status, Received::Status::Timeout);
    host.close();  // both of its sockets
    EXPECT_EQ(controller.receive(1000).status, Received::Status::Closed);
    EXPECT_FALSE(controller.send(wire::FrameType::Ack, {}).ok());
}

TEST(HostChannel, SendToClosedPeer_FailsWithoutSigpipe)
{
    Pair p = makePair();
    p.b.close();
    EXPECT_FALSE(p.a.send(wire::FrameType::Ack, {}).ok());
}

}  // namespace
}  // namespace eapscope
