fn main() {
    leptos::mount::mount_to_body(hoinghi_web::App)
}
