using System;
using System.Collections.Generic;
using System.Linq;
using HelpCrunch.Emulator.Store;

namespace HelpCrunch.Emulator;

public sealed partial class EmulatorStore
{
    /// <summary>The chat's messages, newest first (the order of GET /chats/{id}/messages).</summary>
    public IReadOnlyList<Message> GetMessages(int chatId)
    {
        lock (_gate)
        {
            return _messages.Values.Where(m => m.ChatId == chatId)
                .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).ToArray();
        }
    }

    /// <summary>True when an agent has posted a chat message (not a private note) in the chat.</summary>
    public bool HasAgentMessage(int chatId)
    {
        lock (_gate)
        {
            return _messages.Values.Any(m => m.ChatId == chatId && m.AgentId is not null && m.Type == "message");
        }
    }

    /// <summary>Adds or replaces a message (seeding; it does not touch the chat).</summary>
    public void Upsert(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            _messages[message.Id] = message;
        }
    }

    /// <summary>
    /// Atomically adds the message <paramref name="create"/> builds from the next free id and applies
    /// <paramref name="updateChat"/> to its chat. Null when the chat does not exist.
    /// </summary>
    public (Chat Before, Chat After, Message Message)? PostMessage(int chatId, Func<int, Message> create, Func<Chat, Message, Chat> updateChat)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(updateChat);
        lock (_gate)
        {
            if (!_chats.TryGetValue(chatId, out var chat))
            {
                return null;
            }

            // Chats carry ids of messages that are not all seeded; stay above them too.
            int id = NextId(_messages.Keys.Concat(_chats.Values.Select(c => c.LastMessageId ?? 0)), 1);
            var message = create(id);
            var updated = updateChat(chat, message);
            _messages.Add(message.Id, message);
            _chats[chatId] = updated;
            return (chat, updated, message);
        }
    }
}
