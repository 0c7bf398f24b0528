#ifndef AGENT_ENGINE_TEST_RUNTIME_FORWARDING_STORE_HPP
#define AGENT_ENGINE_TEST_RUNTIME_FORWARDING_STORE_HPP

// A task_store that hands every call to another store (every virtual: one left
// to its default would bypass the inner store's own, e.g. its versions): a test
// derives from it and overrides the call it interposes on (a save landing just
// before a conditional removal or replacement, say).

#include <agent_engine/runtime/task_store.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>

namespace test_stores {

class forwarding_store : public agent_engine::task_store {
protected:
    std::shared_ptr<agent_engine::task_store> inner_;

public:
    explicit forwarding_store(std::shared_ptr<agent_engine::task_store> inner) : inner_(std::move(inner)) {}

    agent_engine::Result<std::string> put(std::string_view p, std::string_view id, std::string_view bytes) override
    {
        return inner_->put(p, id, bytes);
    }
    agent_engine::Result<std::string> get(std::string_view p, std::string_view id) const override
    {
        return inner_->get(p, id);
    }
    agent_engine::Result<std::vector<std::string>> list(std::string_view p) const override { return inner_->list(p); }
    agent_engine::Result<std::vector<std::string>> list_projects() const override { return inner_->list_projects(); }
    agent_engine::Result<void> remove(std::string_view p, std::string_view id) override { return inner_->remove(p, id); }
    agent_engine::Result<bool> remove_if(std::string_view p, std::string_view id,
                                         const agent_engine::removal_check& check) override
    {
        return inner_->remove_if(p, id, check);
    }
    agent_engine::Result<bool> replace_if(std::string_view p, std::string_view id, std::string_view bytes,
                                          const agent_engine::removal_check& check) override
    {
        return inner_->replace_if(p, id, bytes, check);
    }
    std::string location(std::string_view p, std::string_view id) const override { return inner_->location(p, id); }
    agent_engine::Result<void> check_exists() const override { return inner_->check_exists(); }
    // The versions too: a store with versions (PostgreSQL) checks replace_if and
    // remove_if against them, so they must be the inner store's.
    agent_engine::Result<agent_engine::versioned_put> put_versioned(std::string_view p, std::string_view id,
                                                                    std::string_view bytes,
                                                                    std::optional<std::int64_t> expected) override
    {
        return inner_->put_versioned(p, id, bytes, expected);
    }
    agent_engine::Result<agent_engine::versioned_document> get_versioned(std::string_view p,
                                                                         std::string_view id) const override
    {
        return inner_->get_versioned(p, id);
    }
    agent_engine::Result<agent_engine::document_stream> open(std::string_view p, std::string_view id) const override
    {
        return inner_->open(p, id);
    }
    void for_each_ends(std::string_view p, std::span<const std::string> ids, std::size_t head, std::size_t tail,
                       const ends_visitor& f) const override
    {
        inner_->for_each_ends(p, ids, head, tail, f);
    }
    agent_engine::Result<agent_engine::document_ends> get_ends(std::string_view p, std::string_view id,
                                                               std::size_t head, std::size_t tail) const override
    {
        return inner_->get_ends(p, id, head, tail);
    }
    const agent_engine::task_metadata_index* metadata_index() const noexcept override
    {
        return inner_->metadata_index();
    }
};

} // namespace test_stores

#endif
