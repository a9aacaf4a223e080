//! The platform-neutral reply: what an answer says, before it becomes Discord JSON or
//! terminal text.
//!
//! Invariant: a [`Reply`] is always within Discord's limits. Every setter clamps its text
//! ([`limits::clamp`]), [`Reply::push_embed`] shrinks an embed to the message's remaining
//! budget, and [`Reply::push_buttons`], [`Reply::push_select`] and
//! [`Reply::push_trailing_buttons`] (`trailing`: buttons that end a message without
//! displacing its own) keep components to their rows, counts and unique ids, so no renderer
//! has to check anything.
//!
//! Components carry command lines: a button's `custom_id`, and each option's `value` of a
//! select menu, is the line that answers it (`/compare a b tools`), so a click or a choice is
//! answered by the same parser and engine as a typed command.

pub mod escape;
pub mod form;
pub mod limits;
pub mod terminal;
mod trailing;

pub use escape::escape_user_text;

/// Colours used across answers, so the same kind of answer always looks the same.
pub mod colour {
    pub const INFO: u32 = 0x5865F2;
    pub const COMPARE: u32 = 0x2D9CDB;
    pub const SKILLS: u32 = 0x27AE60;
    pub const PATH: u32 = 0xF2994A;
    pub const JOBS: u32 = 0x9B51E0;
    pub const ERROR: u32 = 0xEB5757;
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reply {
    content: String,
    embeds: Vec<Embed>,
    rows: Vec<Vec<Component>>,
    ephemeral: bool,
    /// A file sent with the message (`/me export`'s JSON).
    file: Option<File>,
}

/// A file attached to a reply: its name and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Embed {
    title: String,
    description: String,
    colour: u32,
    fields: Vec<Field>,
    footer: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub value: String,
    pub inline: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ButtonStyle {
    Primary,
    Secondary,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Component {
    /// A button; its `custom_id` is the command line that answers a click.
    Button {
        label: String,
        custom_id: String,
        style: ButtonStyle,
        disabled: bool,
    },
    /// A button that opens `url` in the browser (Discord's link style): no command, no
    /// `custom_id`. Build it with [`Component::link`].
    Link { label: String, url: String },
    /// A string select menu of which the user picks exactly one option; it fills an action
    /// row alone. Its `custom_id` only names the menu: each option's value is the command
    /// line that answers choosing it. Build it with [`Component::select`].
    Select {
        custom_id: String,
        placeholder: String,
        options: Vec<SelectOption>,
        disabled: bool,
    },
}

/// One choice of a select menu: a label, the command line it answers with, and an optional
/// description (empty when none). Only [`SelectOption::new`] makes one, so each is within
/// Discord's limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectOption {
    label: String,
    value: String,
    description: String,
}

impl Reply {
    /// A reply whose message text is `content`.
    pub fn text(content: &str) -> Reply {
        Reply {
            content: limits::clamp(content, limits::CONTENT),
            ..Reply::default()
        }
    }

    /// A reply with one embed.
    pub fn embed(embed: Embed) -> Reply {
        let mut reply = Reply::default();
        reply.push_embed(embed);
        reply
    }

    /// An ephemeral error, shown only to the user who asked.
    pub fn error(title: &str, description: &str) -> Reply {
        let embed = Embed::new(title)
            .description(description)
            .colour(colour::ERROR);
        Reply::embed(embed).ephemeral(true)
    }

    /// The reply with `file` attached.
    pub fn with_file(mut self, file: File) -> Reply {
        self.file = Some(file);
        self
    }

    pub fn file(&self) -> Option<&File> {
        self.file.as_ref()
    }

    /// The reply with `line` first in its message text, before what it already says.
    pub fn with_intro(mut self, line: &str) -> Reply {
        let content = match self.content.as_str() {
            "" => line.to_owned(),
            said => format!("{line}\n{said}"),
        };
        self.content = limits::clamp(&content, limits::CONTENT);
        self
    }

    pub fn ephemeral(mut self, ephemeral: bool) -> Reply {
        self.ephemeral = ephemeral;
        self
    }

    /// Adds `embed`, shrunk to fit what is left of the message's budget; dropped if the message
    /// already has ten embeds or no room at all.
    pub fn push_embed(&mut self, mut embed: Embed) {
        if self.embeds.len() >= limits::EMBEDS_PER_MESSAGE {
            return;
        }
        let used: usize = self.embeds.iter().map(Embed::size).sum();
        let room = limits::EMBED_TOTAL.saturating_sub(used);
        embed.shrink_to(room);
        if embed.size() > 0 {
            self.embeds.push(embed);
        }
    }

    /// Adds a row of buttons; ignored past Discord's five rows, and extra buttons are dropped.
    /// A button whose `custom_id` was too long, or repeats one already in the message (Discord
    /// wants them unique), gets an inert id of its own and is disabled. A select menu needs a
    /// row alone ([`Reply::push_select`]): one given here is dropped.
    pub fn push_buttons(&mut self, buttons: Vec<Component>) {
        let buttons: Vec<Component> = buttons
            .into_iter()
            .filter(|c| matches!(c, Component::Button { .. } | Component::Link { .. }))
            .take(limits::BUTTONS_PER_ROW)
            .collect();
        if self.rows.len() >= limits::ACTION_ROWS || buttons.is_empty() {
            return;
        }
        let row = self.rows.len();
        let mut kept: Vec<Component> = Vec::new();
        for (column, button) in buttons.into_iter().enumerate() {
            let id = button.custom_id();
            // A link carries no id, so it can repeat none.
            let taken = !id.is_empty()
                && (self.has_custom_id(id) || kept.iter().any(|k| k.custom_id() == id));
            kept.push(button.made_inert_if(taken, row, column));
        }
        self.rows.push(kept);
    }

    /// Adds a select menu on a row of its own; ignored past Discord's five rows, or when it
    /// has no option to choose (Discord rejects an empty menu). Like a button, a menu whose
    /// `custom_id` was too long or is already in the message gets an inert id and is disabled.
    pub fn push_select(&mut self, select: Component) {
        let Component::Select { options, .. } = &select else {
            return;
        };
        if self.rows.len() >= limits::ACTION_ROWS || options.is_empty() {
            return;
        }
        let row = self.rows.len();
        let taken = self.has_custom_id(select.custom_id());
        self.rows.push(vec![select.made_inert_if(taken, row, 0)]);
    }

    fn has_custom_id(&self, id: &str) -> bool {
        self.rows.iter().flatten().any(|c| c.custom_id() == id)
    }

    pub fn content(&self) -> &str {
        &self.content
    }

    pub fn embeds(&self) -> &[Embed] {
        &self.embeds
    }

    pub fn rows(&self) -> &[Vec<Component>] {
        &self.rows
    }

    pub fn is_ephemeral(&self) -> bool {
        self.ephemeral
    }

    /// Whether this is an error reply: [`Reply::error`] makes every one (each `Problem`'s,
    /// and the empty results of `/roles`, `/jobs` and `/salary`) and is the only user of the
    /// error colour.
    pub fn is_error(&self) -> bool {
        self.embeds.iter().any(|e| e.colour == colour::ERROR)
    }
}

impl Embed {
    pub fn new(title: &str) -> Embed {
        Embed {
            title: limits::clamp(title, limits::EMBED_TITLE),
            colour: colour::INFO,
            ..Embed::default()
        }
    }

    pub fn description(mut self, text: &str) -> Embed {
        self.description = limits::clamp(text, limits::EMBED_DESCRIPTION);
        self
    }

    pub fn colour(mut self, colour: u32) -> Embed {
        self.colour = colour;
        self
    }

    /// Sets the footer. Discord shows footers as plain text, so markdown marks (which would
    /// show raw, from an article's title say) are taken out.
    pub fn footer(mut self, text: &str) -> Embed {
        let mut plain = text.replace('`', "");
        for mark in ["**", "__", "~~", "||"] {
            plain = plain.replace(mark, "");
        }
        self.footer = limits::clamp(&plain, limits::FOOTER_TEXT);
        self
    }

    /// Adds a field; ignored past Discord's 25 fields. Empty names and values become a
    /// zero-width space, which Discord accepts.
    pub fn field(mut self, name: &str, value: &str, inline: bool) -> Embed {
        if self.fields.len() < limits::FIELDS_PER_EMBED {
            self.fields.push(Field {
                name: limits::clamp_non_empty(name, limits::FIELD_NAME),
                value: limits::clamp_non_empty(value, limits::FIELD_VALUE),
                inline,
            });
        }
        self
    }

    /// Adds a field listing `items` as bullets, as many as fit, then "…and N more".
    pub fn list_field(self, name: &str, items: &[String], inline: bool) -> Embed {
        let value = bullet_list(items, limits::FIELD_VALUE);
        self.field(name, &value, inline)
    }

    pub fn title_text(&self) -> &str {
        &self.title
    }

    pub fn description_text(&self) -> &str {
        &self.description
    }

    pub fn colour_value(&self) -> u32 {
        self.colour
    }

    pub fn fields(&self) -> &[Field] {
        &self.fields
    }

    pub fn footer_text(&self) -> &str {
        &self.footer
    }

    /// Characters that count towards the message's 6,000.
    pub fn size(&self) -> usize {
        let fields: usize = self
            .fields
            .iter()
            .map(|f| limits::count(&f.name) + limits::count(&f.value))
            .sum();
        limits::count(&self.title)
            + limits::count(&self.description)
            + limits::count(&self.footer)
            + fields
    }

    /// Drops trailing fields, then cuts the footer, description and title, until the embed
    /// counts at most `room` characters.
    fn shrink_to(&mut self, room: usize) {
        while self.size() > room && !self.fields.is_empty() {
            self.fields.pop();
        }
        let mut excess = self.size().saturating_sub(room);
        for text in [&mut self.footer, &mut self.description, &mut self.title] {
            if excess == 0 {
                break;
            }
            let len = limits::count(text);
            let shorter = limits::clamp(text, len.saturating_sub(excess));
            excess = excess.saturating_sub(len - limits::count(&shorter));
            *text = shorter;
        }
    }
}

impl Component {
    pub fn button(label: &str, custom_id: &str, style: ButtonStyle) -> Component {
        // A custom_id cut short would name the wrong thing: an over-long one makes a disabled
        // button (given a unique inert id by `Reply::push_buttons`) rather than a bad message.
        let fits = custom_id.chars().count() <= limits::CUSTOM_ID;
        Component::Button {
            label: limits::clamp_non_empty(label, limits::BUTTON_LABEL),
            disabled: !fits,
            custom_id: custom_id.chars().take(limits::CUSTOM_ID).collect(),
            style,
        }
    }

    /// A select menu of `options`, the first 25 kept; an option repeating the value of an
    /// earlier one is dropped (Discord wants values unique), and so is one whose value is
    /// empty or too long (see [`SelectOption::new`]). A too-long `custom_id` disables the
    /// menu, as for a button.
    pub fn select(custom_id: &str, placeholder: &str, options: Vec<SelectOption>) -> Component {
        let mut kept: Vec<SelectOption> = Vec::new();
        for option in options {
            if kept.len() == limits::SELECT_OPTIONS {
                break;
            }
            if !option.value.is_empty() && !kept.iter().any(|k| k.value == option.value) {
                kept.push(option);
            }
        }
        let fits = custom_id.chars().count() <= limits::CUSTOM_ID;
        Component::Select {
            custom_id: custom_id.chars().take(limits::CUSTOM_ID).collect(),
            placeholder: limits::clamp(placeholder, limits::SELECT_PLACEHOLDER),
            options: kept,
            disabled: !fits,
        }
    }

    /// A link button to `url`, or `None` when `url` is not an http(s) address Discord would
    /// accept (at most 512 characters).
    pub fn link(label: &str, url: &str) -> Option<Component> {
        let url = url.trim();
        let web = url.starts_with("https://") || url.starts_with("http://");
        (web && limits::count(url) <= limits::LINK_URL && !url.contains(char::is_whitespace)).then(
            || Component::Link {
                label: limits::clamp_non_empty(label, limits::BUTTON_LABEL),
                url: url.to_owned(),
            },
        )
    }

    pub fn disabled(self, disabled_now: bool) -> Component {
        match self {
            link @ Component::Link { .. } => link,
            Component::Button {
                label,
                custom_id,
                style,
                disabled,
            } => Component::Button {
                label,
                custom_id,
                style,
                disabled: disabled || disabled_now,
            },
            Component::Select {
                custom_id,
                placeholder,
                options,
                disabled,
            } => Component::Select {
                custom_id,
                placeholder,
                options,
                disabled: disabled || disabled_now,
            },
        }
    }

    /// The command line (or menu name) it carries; empty for a link, which carries none.
    pub fn custom_id(&self) -> &str {
        match self {
            Component::Button { custom_id, .. } | Component::Select { custom_id, .. } => custom_id,
            Component::Link { .. } => "",
        }
    }

    pub fn is_disabled(&self) -> bool {
        match self {
            Component::Button { disabled, .. } | Component::Select { disabled, .. } => *disabled,
            Component::Link { .. } => false,
        }
    }

    /// When `taken` or already disabled, the component disabled with the id `inert:row:column`,
    /// unique in the message: Discord refuses a repeated `custom_id` even on a disabled one.
    fn made_inert_if(self, taken: bool, row: usize, column: usize) -> Component {
        if !taken && !self.is_disabled() {
            return self;
        }
        let inert = format!("inert:{row}:{column}");
        match self.disabled(true) {
            link @ Component::Link { .. } => link,
            Component::Button {
                label,
                style,
                disabled,
                ..
            } => Component::Button {
                label,
                custom_id: inert,
                style,
                disabled,
            },
            Component::Select {
                placeholder,
                options,
                disabled,
                ..
            } => Component::Select {
                custom_id: inert,
                placeholder,
                options,
                disabled,
            },
        }
    }
}

impl SelectOption {
    /// An option labelled `label` (cut to 100 code points, never empty) that answers with the
    /// command line `value`. A value cut short would name the wrong thing, so one that is
    /// empty or longer than 100 code points makes an option [`Component::select`] drops.
    pub fn new(label: &str, value: &str) -> SelectOption {
        let value = value.trim();
        let fits = limits::count(value) <= limits::SELECT_OPTION_TEXT;
        SelectOption {
            label: limits::clamp_non_empty(label, limits::SELECT_OPTION_TEXT),
            value: if fits {
                value.to_owned()
            } else {
                String::new()
            },
            description: String::new(),
        }
    }

    /// A line under the label, cut to 100 code points; empty means none.
    pub fn description(mut self, text: &str) -> SelectOption {
        self.description = limits::clamp(text, limits::SELECT_OPTION_TEXT);
        self
    }

    pub fn label(&self) -> &str {
        &self.label
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    pub fn description_text(&self) -> &str {
        &self.description
    }
}

/// `items` as "• item" lines, at most `max` code points, ending with "…and N more" when cut.
pub fn bullet_list(items: &[String], max: usize) -> String {
    const BULLET: &str = "• ";
    let mut out = String::new();
    let mut used = 0;
    for (i, item) in items.iter().enumerate() {
        let item = item.trim();
        let line_len = BULLET.chars().count() + item.chars().count() + usize::from(!out.is_empty());
        let rest = items.len() - i - 1;
        // Keep room for the "…and N more" line unless this is the last item.
        let reserve = if rest > 0 { 20 } else { 0 };
        if used + line_len + reserve > max {
            let more = format!("…and {} more", items.len() - i);
            if used + more.chars().count() < max {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&more);
            }
            if out.is_empty() {
                return limits::clamp(&format!("{BULLET}{item}"), max);
            }
            return out;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(BULLET);
        push_capitalised(&mut out, item);
        used += line_len;
    }
    out
}

/// Pushes `text` with its first letter in capitals: facts are listed as the articles word
/// them, and a list item that starts in lower case reads as a fragment.
fn push_capitalised(out: &mut String, text: &str) {
    let mut chars = text.chars();
    match chars.next() {
        // Only a lone letter changes: "ß" would become "SS", a longer item than counted.
        Some(first) if first.is_lowercase() && first.to_uppercase().count() == 1 => {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
        _ => out.push_str(text),
    }
}

/// "1 article", "2 articles": `count` and the noun, plural with an "s" unless one.
pub fn count_of(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

#[cfg(test)]
mod tests;
